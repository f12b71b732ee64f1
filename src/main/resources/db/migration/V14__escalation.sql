-- The council's "working with services which deliver poor outcomes" policy as one escalation
-- ladder per provider or service: its stage, every decision that moved it, its timers and the
-- multi-agency meetings held about it.

create table escalation (
    id                  uuid primary key,
    version             integer      not null,
    reference           varchar(20)  not null unique,
    subject_kind        varchar(10)  not null check (subject_kind in ('PROVIDER', 'SERVICE')),
    provider_id         uuid         not null references provider (id),
    care_service_id     uuid references care_service (id),
    stage               varchar(20)  not null check (stage in ('ROUTINE', 'ENHANCED', 'PROVIDER_CONCERNS',
        'SUSPENSION', 'CONTRACT_ACTION')),
    stage_since         date         not null,
    next_review_on      date,
    lead_officer_id     uuid,
    after_safeguarding  boolean      not null default false,
    letter_due_on       date,
    letter_sent_on      date,
    plan_due_on         date,
    plan_received_on    date,
    appeal_by           date,
    appeal_received_on  date,
    appeal_outcome      text,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    constraint escalation_service_matches_kind check ((subject_kind = 'SERVICE') = (care_service_id is not null))
);

-- One ladder per service and one per provider (for whole-provider concerns).
create unique index escalation_one_per_service on escalation (care_service_id) where subject_kind = 'SERVICE';
create unique index escalation_one_per_provider on escalation (provider_id) where subject_kind = 'PROVIDER';
create index escalation_stage_idx on escalation (stage, next_review_on);
create sequence escalation_number;

create table escalation_decision (
    id              uuid primary key,
    escalation_id   uuid         not null references escalation (id) on delete cascade,
    decided_at      timestamptz  not null,
    decided_on      date         not null,
    decided_by      uuid         not null,
    decided_by_name varchar(200) not null,
    decided_by_role varchar(30)  not null,
    from_stage      varchar(20),
    to_stage        varchar(20)  not null,
    evidence        text         not null,
    rationale       text         not null,
    next_review_on  date
);
create index escalation_decision_idx on escalation_decision (escalation_id, decided_at);

create table escalation_meeting (
    id            uuid primary key,
    escalation_id uuid         not null references escalation (id) on delete cascade,
    held_on       date         not null,
    attendees     text         not null,
    minutes       text         not null,
    actions       text,
    recorded_by   uuid,
    recorded_at   timestamptz  not null
);
create index escalation_meeting_idx on escalation_meeting (escalation_id, held_on);
