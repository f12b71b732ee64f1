-- Each service's risk score with its explanation, as last computed, one history point a day
-- for the chart, and the early warnings raised about services drifting.

create table risk_profile (
    care_service_id uuid primary key references care_service (id),
    score           integer      not null check (score between 0 and 100),
    band            varchar(10)  not null,
    -- one "signal<TAB>value<TAB>points" per known signal, in the model's order
    contributions   text[]       not null,
    unknown         text[]       not null,
    caveats         text[]       not null,
    computed_at     timestamptz  not null
);
create index risk_profile_rank_idx on risk_profile (score desc);

create table risk_history (
    care_service_id uuid         not null references care_service (id),
    on_date         date         not null,
    score           integer      not null,
    band            varchar(10)  not null,
    primary key (care_service_id, on_date)
);

create table early_warning (
    id              uuid primary key,
    care_service_id uuid         not null references care_service (id),
    kind            varchar(20)  not null check (kind in ('CONCERN_RATE', 'RISK_RISING')),
    raised_on       date         not null,
    explanation     text         not null,
    observed        numeric(10, 2) not null,
    expected        numeric(10, 2) not null,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    acknowledged_by_name varchar(200),
    decision        text
);
-- one open warning of a kind per service at a time
create unique index early_warning_one_open on early_warning (care_service_id, kind) where acknowledged_at is null;
create index early_warning_open_idx on early_warning (raised_on) where acknowledged_at is null;
