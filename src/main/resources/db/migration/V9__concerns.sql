-- Compliments and concerns (PPMF): what anyone tells the council about a care service, how the
-- quality assurance team assesses it and acts, and the same-day safeguarding route.

-- Bank holidays in England, so that targets count working days ----------------------------
create table bank_holiday (
    holiday_on date primary key,
    name       varchar(100) not null
);

insert into bank_holiday (holiday_on, name) values
    ('2024-01-01', 'New Year''s Day'), ('2024-03-29', 'Good Friday'), ('2024-04-01', 'Easter Monday'),
    ('2024-05-06', 'Early May bank holiday'), ('2024-05-27', 'Spring bank holiday'),
    ('2024-08-26', 'Summer bank holiday'), ('2024-12-25', 'Christmas Day'), ('2024-12-26', 'Boxing Day'),
    ('2025-01-01', 'New Year''s Day'), ('2025-04-18', 'Good Friday'), ('2025-04-21', 'Easter Monday'),
    ('2025-05-05', 'Early May bank holiday'), ('2025-05-26', 'Spring bank holiday'),
    ('2025-08-25', 'Summer bank holiday'), ('2025-12-25', 'Christmas Day'), ('2025-12-26', 'Boxing Day'),
    ('2026-01-01', 'New Year''s Day'), ('2026-04-03', 'Good Friday'), ('2026-04-06', 'Easter Monday'),
    ('2026-05-04', 'Early May bank holiday'), ('2026-05-25', 'Spring bank holiday'),
    ('2026-08-31', 'Summer bank holiday'), ('2026-12-25', 'Christmas Day'),
    ('2026-12-28', 'Boxing Day (substitute day)'),
    ('2027-01-01', 'New Year''s Day'), ('2027-03-26', 'Good Friday'), ('2027-03-29', 'Easter Monday'),
    ('2027-05-03', 'Early May bank holiday'), ('2027-05-31', 'Spring bank holiday'),
    ('2027-08-30', 'Summer bank holiday'), ('2027-12-27', 'Christmas Day (substitute day)'),
    ('2027-12-28', 'Boxing Day (substitute day)'),
    ('2028-01-03', 'New Year''s Day (substitute day)'), ('2028-04-14', 'Good Friday'),
    ('2028-04-17', 'Easter Monday'), ('2028-05-01', 'Early May bank holiday'),
    ('2028-05-29', 'Spring bank holiday'), ('2028-08-28', 'Summer bank holiday'),
    ('2028-12-25', 'Christmas Day'), ('2028-12-26', 'Boxing Day');

-- Concerns and compliments ----------------------------------------------------------------
create sequence concern_number;

create table concern (
    id                  uuid primary key,
    version             integer       not null,
    reference           varchar(20)   not null unique,
    submission_key      uuid unique,
    kind                varchar(12)   not null,
    channel             varchar(20)   not null,
    care_service_id     uuid references care_service (id),
    provider_id         uuid references provider (id),
    service_description varchar(500),
    what_happened       text          not null,
    happened_on         date,
    happened_when_text  varchar(200),
    people_affected     text,
    at_risk_now         varchar(10),
    urgent              boolean       not null,
    reporter_role       varchar(20)   not null,
    anonymous           boolean       not null,
    reporter_name       varchar(200),
    reporter_email      varchar(254),
    reporter_phone      varchar(30),
    consent_to_contact  boolean       not null,
    received_at         timestamptz   not null,
    status              varchar(20)   not null,
    acknowledge_by      date          not null,
    assess_by           date          not null,
    acknowledged_at     timestamptz,
    assessed_at         timestamptz,
    closed_at           timestamptz,
    assigned_to         uuid,
    safeguarding_flag   boolean       not null,
    safeguarding_reasons text,
    themes              varchar(40)[] not null default '{}',
    likelihood          smallint check (likelihood between 1 and 5),
    impact              smallint check (impact between 1 and 5),
    action              varchar(30),
    action_rationale    text,
    outcome             text,
    lessons             text,
    duplicate_of        uuid references concern (id),
    recorded_by         uuid,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);

create index concern_open_idx on concern (status, received_at) where status <> 'CLOSED';
create index concern_service_idx on concern (care_service_id, received_at);
create index concern_provider_idx on concern (provider_id, received_at);
create index concern_assigned_idx on concern (assigned_to) where status <> 'CLOSED';

-- What happened to a concern, in order: the timeline on its page ---------------------------
create table concern_event (
    id          bigint generated always as identity primary key,
    concern_id  uuid         not null references concern (id) on delete cascade,
    happened_at timestamptz  not null,
    actor       varchar(200) not null,
    kind        varchar(30)  not null,
    detail      text
);

create index concern_event_concern_idx on concern_event (concern_id, happened_at);

-- The rules that flag possible abuse or neglect, editable by administrators ------------------
create table safeguarding_rule (
    id         uuid primary key,
    rule_kind  varchar(10)  not null,
    phrase     varchar(100) not null,
    abuse_type varchar(30)  not null,
    enabled    boolean      not null,
    created_at timestamptz  not null,
    unique (rule_kind, phrase)
);

insert into safeguarding_rule (id, rule_kind, phrase, abuse_type, enabled, created_at)
select gen_random_uuid(), kind, phrase, abuse_type, true, now()
from (values
    ('ANSWER', 'AT_RISK_NOW', 'ANY'),
    ('PHRASE', 'hit', 'PHYSICAL'), ('PHRASE', 'hitting', 'PHYSICAL'), ('PHRASE', 'slap*', 'PHYSICAL'),
    ('PHRASE', 'punch*', 'PHYSICAL'), ('PHRASE', 'kick*', 'PHYSICAL'), ('PHRASE', 'push*', 'PHYSICAL'),
    ('PHRASE', 'bruis*', 'PHYSICAL'), ('PHRASE', 'unexplained injur*', 'PHYSICAL'),
    ('PHRASE', 'restrain*', 'PHYSICAL'), ('PHRASE', 'rough handling', 'PHYSICAL'),
    ('PHRASE', 'assault*', 'PHYSICAL'),
    ('PHRASE', 'domestic abuse', 'DOMESTIC'), ('PHRASE', 'domestic violence', 'DOMESTIC'),
    ('PHRASE', 'coercive control', 'DOMESTIC'),
    ('PHRASE', 'sexual*', 'SEXUAL'), ('PHRASE', 'touched inappropriately', 'SEXUAL'),
    ('PHRASE', 'inappropriate touching', 'SEXUAL'), ('PHRASE', 'rape*', 'SEXUAL'),
    ('PHRASE', 'shout* at', 'PSYCHOLOGICAL'), ('PHRASE', 'threaten*', 'PSYCHOLOGICAL'),
    ('PHRASE', 'humiliat*', 'PSYCHOLOGICAL'), ('PHRASE', 'intimidat*', 'PSYCHOLOGICAL'),
    ('PHRASE', 'bully*', 'PSYCHOLOGICAL'), ('PHRASE', 'mock*', 'PSYCHOLOGICAL'),
    ('PHRASE', 'money missing', 'FINANCIAL'), ('PHRASE', 'missing money', 'FINANCIAL'),
    ('PHRASE', 'stole*', 'FINANCIAL'), ('PHRASE', 'stolen', 'FINANCIAL'), ('PHRASE', 'theft', 'FINANCIAL'),
    ('PHRASE', 'bank card', 'FINANCIAL'), ('PHRASE', 'pressured to sign', 'FINANCIAL'),
    ('PHRASE', 'forced to work', 'MODERN_SLAVERY'), ('PHRASE', 'passport taken', 'MODERN_SLAVERY'),
    ('PHRASE', 'not paid', 'MODERN_SLAVERY'), ('PHRASE', 'trafficked', 'MODERN_SLAVERY'),
    ('PHRASE', 'racist', 'DISCRIMINATORY'), ('PHRASE', 'racial abuse', 'DISCRIMINATORY'),
    ('PHRASE', 'homophobic', 'DISCRIMINATORY'), ('PHRASE', 'because of their religion', 'DISCRIMINATORY'),
    ('PHRASE', 'left in bed all day', 'ORGANISATIONAL'), ('PHRASE', 'locked in', 'ORGANISATIONAL'),
    ('PHRASE', 'not allowed out', 'ORGANISATIONAL'), ('PHRASE', 'no staff on', 'ORGANISATIONAL'),
    ('PHRASE', 'left alone', 'NEGLECT'), ('PHRASE', 'not fed', 'NEGLECT'), ('PHRASE', 'hungry', 'NEGLECT'),
    ('PHRASE', 'dehydrat*', 'NEGLECT'), ('PHRASE', 'pressure sore*', 'NEGLECT'),
    ('PHRASE', 'pressure ulcer*', 'NEGLECT'), ('PHRASE', 'soiled', 'NEGLECT'),
    ('PHRASE', 'left wet', 'NEGLECT'), ('PHRASE', 'missed medication', 'NEGLECT'),
    ('PHRASE', 'medication not given', 'NEGLECT'), ('PHRASE', 'fell and was left', 'NEGLECT'),
    ('PHRASE', 'neglect*', 'NEGLECT'), ('PHRASE', 'abus*', 'ANY'),
    ('PHRASE', 'not eating', 'SELF_NEGLECT'), ('PHRASE', 'refus* care', 'SELF_NEGLECT'),
    ('PHRASE', 'hoarding', 'SELF_NEGLECT')
) as r (kind, phrase, abuse_type);

-- The record the safeguarding team picks up: one per flagged concern ------------------------
create table safeguarding_referral (
    id         uuid primary key,
    concern_id uuid        not null unique references concern (id),
    created_at timestamptz not null,
    status     varchar(20) not null,
    reasons    text        not null
);

-- Asking the provider for a response: one round per request, answered by the provider and
-- accepted or challenged by the officer. The provider sees the officer's summary, never the
-- reporter's words or identity.
create table concern_provider_request (
    id            uuid primary key,
    concern_id    uuid        not null references concern (id),
    round         integer     not null,
    summary       text        not null,
    asked_at      timestamptz not null,
    asked_by      uuid,
    due_on        date        not null,
    response      text,
    document_id   uuid references document (id),
    responded_at  timestamptz,
    responded_by  uuid,
    decision      varchar(12),
    decision_note text,
    decided_at    timestamptz,
    decided_by    uuid,
    unique (concern_id, round)
);

create index concern_provider_request_unanswered_idx on concern_provider_request (due_on) where responded_at is null;
