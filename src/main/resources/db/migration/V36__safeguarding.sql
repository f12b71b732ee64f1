-- The safeguarding module (issue 15): safeguarding concerns about adults at risk, the section 42
-- decision, enquiries (by the council or caused to be made by another body), whole-service
-- (organisational) enquiries with their multi-agency meetings, and what the Safeguarding Adults
-- Collection (SAC) counts. Every table here belongs to the safeguarding module; other modules read
-- only the published view at the end, which never names an adult or says what happened.
--
-- Categories are stored as the Java enum names of org.carecycle.safeguarding (AgeBand, Gender,
-- Ethnicity, SupportReason, LocationOfRisk, SourceOfRisk, ActionAndResult, RiskOutcome...), checked
-- in the code that writes them; the SAC's own labels are in messages.properties.

-- A safeguarding concern: one adult at risk, one report (from a flagged PPMF concern, from staff or
-- from a partner agency). Holds the least about the adult that the work and the SAC need.
create table safeguarding_concern (
    id                   uuid primary key,
    reference            varchar(20)  not null unique,          -- SG-2026-00042
    source               varchar(20)  not null
        check (source in ('PPMF', 'STAFF', 'PARTNER')),
    partner_agency       varchar(30),                           -- POLICE, NHS, OTHER_COUNCIL, AMBULANCE, FIRE, CQC, OTHER
    partner_name         varchar(200),                          -- "Devon and Cornwall Police, Truro"
    ppmf_concern_id      uuid unique,                           -- the concern it came from, by id only
    ppmf_reference       varchar(20),
    received_at          timestamptz  not null,
    summary              text         not null,                 -- what is said to have happened
    screen_reasons       text,                                  -- why the screen flagged it, when it did
    serious_incident     boolean      not null default false,
    -- the adult at risk: initials and a case-management id, never a name or address
    adult_initials       varchar(10),
    adult_reference      varchar(40),                           -- the council's social care record number, if known
    age_band             varchar(20)  not null default 'UNKNOWN',
    gender               varchar(20)  not null default 'UNKNOWN',
    ethnicity            varchar(30)  not null default 'NOT_KNOWN',
    support_reason       varchar(30)  not null default 'NOT_KNOWN',
    autism               varchar(10)  not null default 'NOT_KNOWN',
    -- where and who
    care_service_id      uuid,                                  -- by id only; the service may since have closed
    provider_id          uuid,
    service_name         varchar(300),                          -- as it was called when the concern came in
    provider_name        varchar(300),
    risk_types           varchar(30)[] not null default '{}',   -- AbuseType names, several allowed
    location_of_risk     varchar(40),
    sources_of_risk      varchar(30)[] not null default '{}',   -- SourceOfRisk names, several allowed
    -- the section 42 decision
    status               varchar(30)  not null default 'AWAITING_DECISION'
        check (status in ('AWAITING_DECISION', 'S42_ENQUIRY', 'OTHER_ENQUIRY', 'NO_FURTHER_ACTION', 'CLOSED', 'MERGED')),
    decision_due_at      timestamptz  not null,
    has_care_needs       boolean,
    experiencing_abuse   boolean,
    unable_to_protect    boolean,
    decision_reasons     text,
    nfa_information      text,                                  -- what the person was told or signposted to
    decided_at           timestamptz,
    decided_by           uuid,
    decided_by_name      varchar(200),
    merged_into          uuid references safeguarding_concern (id),
    whole_service_enquiry_id uuid,                              -- set when counted in a whole-service enquiry
    closed_at            timestamptz,
    created_by           uuid,
    version              integer      not null default 0
);
create index safeguarding_concern_queue_idx on safeguarding_concern (status, decision_due_at);
create index safeguarding_concern_service_idx on safeguarding_concern (care_service_id, received_at);
create index safeguarding_concern_received_idx on safeguarding_concern (received_at);

-- Council staff named on a case: the only people, besides safeguarding leads, who may read it.
create table safeguarding_case_officer (
    concern_id  uuid         not null references safeguarding_concern (id),
    user_id     uuid         not null,
    user_name   varchar(200) not null,
    role        varchar(30)  not null,                          -- ENQUIRY_OFFICER, QA_OFFICER, MANAGER
    named_at    timestamptz  not null,
    primary key (concern_id, user_id)
);
create index safeguarding_case_officer_user_idx on safeguarding_case_officer (user_id);

-- An enquiry following the decision: a section 42 enquiry or an other enquiry, made by the
-- council or caused to be made by another body (usually the provider).
create table safeguarding_enquiry (
    id                    uuid primary key,
    concern_id            uuid         not null unique references safeguarding_concern (id),
    kind                  varchar(20)  not null check (kind in ('SECTION_42', 'OTHER')),
    status                varchar(30)  not null default 'PLANNING'
        check (status in ('PLANNING', 'IN_PROGRESS', 'AWAITING_PROVIDER', 'CONCLUDED', 'CLOSED')),
    opened_at             timestamptz  not null,
    -- planning discussion
    planning_held_on      date,
    planning_notes        text,
    -- who makes it
    made_by               varchar(20)  not null default 'COUNCIL' check (made_by in ('COUNCIL', 'CAUSED')),
    caused_to_provider_id uuid,
    caused_to_name        varchar(300),                         -- another body that is not a provider on the register
    caused_request        text,                                 -- what the body is asked to find out and do
    caused_at             timestamptz,
    caused_due_on         date,
    last_chased_at        timestamptz,
    chase_count           integer      not null default 0,
    caused_response       text,                                 -- the body's findings
    caused_responded_at   timestamptz,
    -- mental capacity and advocacy (SG3)
    lacked_capacity       varchar(20),                          -- YES, NO, DONT_KNOW, NOT_RECORDED
    advocacy_support      varchar(20),                          -- YES, NO, DONT_KNOW, NOT_RECORDED (asked when capacity lacked)
    -- Making Safeguarding Personal (SG4)
    outcomes_asked        varchar(30),                          -- ASKED_EXPRESSED, ASKED_NOT_EXPRESSED, NOT_ASKED, DONT_KNOW, NOT_RECORDED
    desired_outcomes      text,
    outcomes_achieved     varchar(20),                          -- FULLY, PARTIALLY, NOT
    -- conclusion (SG2)
    action_and_result     varchar(50),
    risk_outcome          varchar(20),                          -- REMAINED, REDUCED, REMOVED
    protection_plan       text,
    conclusion            text,
    concluded_on          date,
    closed_at             timestamptz,
    version               integer      not null default 0
);
create index safeguarding_enquiry_concluded_idx on safeguarding_enquiry (concluded_on);
create index safeguarding_enquiry_caused_idx on safeguarding_enquiry (caused_to_provider_id, status);

-- Every step of a case, in the order it happened (the audit log records the same acts by user).
create table safeguarding_step (
    id          bigint generated always as identity primary key,
    concern_id  uuid         references safeguarding_concern (id),
    enquiry_id  uuid,
    whole_service_enquiry_id uuid,
    happened_at timestamptz  not null,
    actor_id    uuid,
    actor_name  varchar(200) not null,
    kind        varchar(40)  not null,
    detail      text
);
create index safeguarding_step_concern_idx on safeguarding_step (concern_id, happened_at);
create index safeguarding_step_wse_idx on safeguarding_step (whole_service_enquiry_id, happened_at);

-- Who opened a case (the read log, as concern_access does for concerns): append-only.
create table safeguarding_case_access (
    id             bigint generated always as identity primary key,
    concern_id     uuid,
    whole_service_enquiry_id uuid,
    opened_at      timestamptz  not null,
    actor_id       uuid         not null,
    actor_name     varchar(200) not null,
    actor_email    varchar(254) not null,
    actor_role     varchar(30)  not null,
    page           varchar(30)  not null,
    client_address varchar(64)
);
create index safeguarding_case_access_concern_idx on safeguarding_case_access (concern_id, opened_at desc);
create function safeguarding_case_access_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'safeguarding_case_access is append-only';
end;
$$;
create trigger safeguarding_case_access_append_only
    before update or delete on safeguarding_case_access
    for each row execute function safeguarding_case_access_is_append_only();

-- A whole-service (organisational) enquiry: suggested by CareCycle or raised by a lead, decided by
-- a senior manager, run through multi-agency meetings, closed at a closing meeting.
create table safeguarding_whole_service_enquiry (
    id                   uuid primary key,
    reference            varchar(20)  not null unique,          -- WSE-2026-003
    care_service_id      uuid         not null,
    provider_id          uuid,
    service_name         varchar(300) not null,
    provider_name        varchar(300),
    status               varchar(20)  not null default 'SUGGESTED'
        check (status in ('SUGGESTED', 'DECLINED', 'OPEN', 'CLOSED')),
    suggested_at         timestamptz  not null,
    suggestion_reason    varchar(30)  not null
        check (suggestion_reason in ('CLUSTER', 'SERIOUS_INCIDENT', 'EARLY_WARNING', 'RAISED_BY_STAFF')),
    suggestion_detail    text         not null,
    decided_at           timestamptz,
    decided_by           uuid,
    decided_by_name      varchar(200),
    decision_reasons     text,
    placements_suspended boolean      not null default false,   -- asked the escalation ladder to suspend placements
    opened_at            timestamptz,
    closed_at            timestamptz,
    closing_summary      text,
    version              integer      not null default 0
);
-- one live suggestion or enquiry per service at a time
create unique index safeguarding_wse_live_idx on safeguarding_whole_service_enquiry (care_service_id)
    where status in ('SUGGESTED', 'OPEN');
alter table safeguarding_concern add constraint safeguarding_concern_wse_fk
    foreign key (whole_service_enquiry_id) references safeguarding_whole_service_enquiry (id);

create table safeguarding_meeting (
    id                       uuid primary key,
    whole_service_enquiry_id uuid         not null references safeguarding_whole_service_enquiry (id),
    kind                     varchar(20)  not null check (kind in ('STRATEGY', 'REVIEW', 'CLOSING')),
    held_on                  date         not null,
    agenda                   text,
    minutes                  text,
    recorded_at              timestamptz  not null,
    recorded_by              varchar(200) not null
);
create index safeguarding_meeting_wse_idx on safeguarding_meeting (whole_service_enquiry_id, held_on);

create table safeguarding_meeting_attendee (
    meeting_id  uuid         not null references safeguarding_meeting (id),
    position    integer      not null,
    name        varchar(200) not null,
    agency      varchar(30)  not null,                          -- COUNCIL, PROVIDER, CQC, POLICE, NHS, ICB, OTHER_COUNCIL, ADVOCACY, OTHER
    primary key (meeting_id, position)
);

create table safeguarding_meeting_action (
    id           uuid primary key,
    meeting_id   uuid         not null references safeguarding_meeting (id),
    description  text         not null,
    owner_name   varchar(200) not null,
    owner_email  varchar(254),
    due_on       date         not null,
    done_at      timestamptz,
    reminded_at  timestamptz
);
create index safeguarding_meeting_action_due_idx on safeguarding_meeting_action (due_on) where done_at is null;

-- Who was told what during a whole-service enquiry: residents, families, other placing councils.
create table safeguarding_communication (
    id                       uuid primary key,
    whole_service_enquiry_id uuid         not null references safeguarding_whole_service_enquiry (id),
    happened_on              date         not null,
    audience                 varchar(30)  not null,             -- RESIDENT, FAMILY, PLACING_COUNCIL, PROVIDER, CQC, OTHER
    with_whom                varchar(200) not null,
    summary                  text         not null,
    recorded_by              varchar(200) not null,
    recorded_at              timestamptz  not null
);

comment on table safeguarding_concern is '[safeguarding] Safeguarding concerns about adults at risk, with the section 42 decision.';
comment on table safeguarding_case_officer is '[safeguarding] Council staff named on a safeguarding case.';
comment on table safeguarding_enquiry is '[safeguarding] Section 42 and other safeguarding enquiries.';
comment on table safeguarding_step is '[safeguarding] Every step of a safeguarding case or whole-service enquiry.';
comment on table safeguarding_case_access is '[safeguarding] Who opened a safeguarding case, and when.';
comment on table safeguarding_whole_service_enquiry is '[safeguarding] Whole-service (organisational) safeguarding enquiries.';
comment on table safeguarding_meeting is '[safeguarding] Multi-agency meetings of whole-service enquiries.';
comment on table safeguarding_meeting_attendee is '[safeguarding] Who attended a multi-agency meeting, by agency.';
comment on table safeguarding_meeting_action is '[safeguarding] Actions agreed at multi-agency meetings.';
comment on table safeguarding_communication is '[safeguarding] Communication with residents, families and placing councils in a whole-service enquiry.';

-- The read side other modules may use: per service, how much safeguarding activity is open. Never
-- an adult, never what happened, never who raised it.
create view safeguarding_service_activity as
    select s.care_service_id,
           count(*) filter (where c.status = 'AWAITING_DECISION')                 as concerns_awaiting_decision,
           count(*) filter (where c.status in ('S42_ENQUIRY', 'OTHER_ENQUIRY'))   as open_enquiries,
           count(*) filter (where c.received_at > now() - interval '12 months')   as concerns_last_12_months,
           bool_or(w.id is not null)                                              as whole_service_enquiry_open
    from (select care_service_id from safeguarding_concern where care_service_id is not null
          union select care_service_id from safeguarding_whole_service_enquiry where status = 'OPEN') s
    left join safeguarding_concern c on c.care_service_id = s.care_service_id and c.status <> 'MERGED'
    left join safeguarding_whole_service_enquiry w on w.care_service_id = s.care_service_id and w.status = 'OPEN'
    group by s.care_service_id;
comment on view safeguarding_service_activity is '[safeguarding, published] Open safeguarding activity per service: counts only, never an adult or what happened.';
