-- Commissioning strategies, their priorities, the evidence they rest on and their reviews;
-- commissioning intentions; the Market Position Statement's narrative and published versions
-- (issue 16, items 4 to 6; ADR 0036).

create table commissioning_strategy (
    id                    uuid primary key,
    version               integer      not null,
    reference             varchar(20)  not null unique,
    title                 varchar(200) not null,
    care_group            varchar(30)  not null check (care_group in ('OLDER_PEOPLE', 'LEARNING_DISABILITY',
        'AUTISM', 'MENTAL_HEALTH', 'PHYSICAL_DISABILITY', 'CARERS', 'DAY_OPPORTUNITIES')),
    owner_id              uuid         not null,
    summary               text,
    period_from           date         not null,
    period_to             date         not null,
    status                varchar(20)  not null check (status in ('DRAFT', 'CONSULTATION', 'APPROVED', 'IN_REVIEW',
        'EXPIRED')),
    review_due_on         date,
    approved_on           date,
    last_reviewed_on      date,
    care_act_reviewed_on  date,
    care_act_reviewer     varchar(200),
    care_act_findings     text,
    reminded_for          date,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    constraint commissioning_strategy_period check (period_to >= period_from)
);
create sequence commissioning_strategy_number;
create index commissioning_strategy_group_idx on commissioning_strategy (care_group, status);
create index commissioning_strategy_review_idx on commissioning_strategy (review_due_on) where status = 'APPROVED';
comment on table commissioning_strategy is '[commissioning] Commissioning strategies per care group: owner, period, status, the Care Act compliance review and the review date.';

create table commissioning_strategy_priority (
    id           uuid primary key,
    strategy_id  uuid         not null references commissioning_strategy (id) on delete cascade,
    position     integer      not null,
    title        varchar(300) not null,
    owner_name   varchar(200) not null,
    timetable    varchar(200) not null,
    due_on       date,
    resources    varchar(1000),
    created_at   timestamptz  not null
);
create index commissioning_strategy_priority_idx on commissioning_strategy_priority (strategy_id, position);
comment on table commissioning_strategy_priority is '[commissioning] The priorities for change of a strategy: owner, timetable and resources.';

create table commissioning_strategy_evidence (
    id                  uuid primary key,
    strategy_id         uuid          not null references commissioning_strategy (id) on delete cascade,
    kind                varchar(30)   not null check (kind in ('NEEDS_GAP', 'AREA_PROFILE', 'OUTCOME_MEASURE',
        'CONCERN_THEME', 'REVIEW_FINDINGS', 'SERVICE_QUALITY')),
    label               varchar(300)  not null,
    href                varchar(500),
    subject             varchar(100),
    figure              numeric(14, 2),
    figure_at_approval  numeric(14, 2),
    recorded_at         timestamptz   not null
);
create index commissioning_strategy_evidence_idx on commissioning_strategy_evidence (strategy_id);
comment on table commissioning_strategy_evidence is '[commissioning] What each strategy rests on: typed links with a label and the figure as it stood when the strategy was approved.';

create table commissioning_strategy_review (
    id              uuid primary key,
    strategy_id     uuid         not null references commissioning_strategy (id) on delete cascade,
    reviewed_on     date         not null,
    reviewer_name   varchar(200) not null,
    notes           text         not null,
    next_review_on  date         not null,
    created_at      timestamptz  not null
);
create index commissioning_strategy_review_strategy_idx on commissioning_strategy_review (strategy_id, reviewed_on desc);
comment on table commissioning_strategy_review is '[commissioning] Each time a strategy was read against what has changed: when, by whom, what was found, the next review date.';

create table commissioning_intention (
    id             uuid primary key,
    version        integer      not null,
    strategy_id    uuid         not null references commissioning_strategy (id),
    priority_id    uuid         not null references commissioning_strategy_priority (id),
    title          varchar(300) not null,
    description    text,
    service_type   varchar(30)  not null check (service_type in ('CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE',
        'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES', 'DAY_SERVICE', 'CARERS_SUPPORT', 'COMMUNITY_SUPPORT')),
    locality_id    uuid,
    timescale      varchar(100) not null,
    starts_by      date,
    route          varchar(30)  not null check (route in ('TENDER', 'FRAMEWORK_CALL_OFF', 'DYNAMIC_MARKET', 'GRANT',
        'PARTNERSHIP')),
    status         varchar(20)  not null check (status in ('PROPOSED', 'PLANNED', 'IN_PROCUREMENT', 'IN_PLACE',
        'WITHDRAWN')),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index commissioning_intention_strategy_idx on commissioning_intention (strategy_id);
comment on table commissioning_intention is '[commissioning] Commissioning intentions grown from strategy priorities: the service, the area, the timescale and the expected route to market.';

create table commissioning_market_position_section (
    section     varchar(30)  primary key,
    narrative   text         not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(200) not null
);
comment on table commissioning_market_position_section is '[commissioning] The commissioners'' narrative for each section of the Market Position Statement, as drafted now.';

create table commissioning_market_position_version (
    id            uuid primary key,
    number        integer      not null unique,
    title         varchar(200) not null,
    published_on  date         not null,
    published_at  timestamptz  not null,
    published_by  varchar(200) not null,
    summary       varchar(1000),
    body_html     text         not null
);
comment on table commissioning_market_position_version is '[commissioning] Published versions of the Market Position Statement, each kept as it was published (figures and narrative together).';

-- The strategies as others may read them (the cycle view of higher modules, reporting).
create view commissioning_strategy_summary as
    select id, reference, title, care_group, status, period_from, period_to, review_due_on, approved_on,
           last_reviewed_on
    from commissioning_strategy;
comment on view commissioning_strategy_summary is '[commissioning, published] Strategies: care group, status, period and review dates. Never the narrative.';

create view commissioning_intention_summary as
    select id, strategy_id, title, service_type, locality_id, timescale, starts_by, route, status
    from commissioning_intention;
comment on view commissioning_intention_summary is '[commissioning, published] Commissioning intentions: the service, area, timescale, route to market and status.';
