-- Needs data for commissioning: population by area and age band (estimates and projections),
-- the assumptions that turn population into demand (prevalence of a need by age band, and the
-- share of people with that need who use each type of service), every change to an assumption,
-- the imports that loaded population, and the published adult social care outcome measures and
-- activity of every council with the neighbours a council compares itself with.

create table commissioning_population (
    area_code   varchar(16)   not null,
    area_name   varchar(200)  not null,
    year        integer       not null,
    age_band    varchar(8)    not null,
    people      numeric(12,1) not null check (people >= 0),
    projected   boolean       not null,
    source      varchar(300)  not null,
    import_id   uuid,
    primary key (area_code, year, age_band)
);
comment on table commissioning_population is '[commissioning] Population by area (locality, council or MSOA code), year and age band: estimates and projections.';

create table commissioning_population_import (
    id          uuid primary key,
    file_name   varchar(300) not null,
    source      varchar(300) not null,
    rows_loaded integer      not null,
    areas       integer      not null,
    first_year  integer      not null,
    last_year   integer      not null,
    imported_by uuid,
    imported_by_name varchar(200) not null,
    imported_at timestamptz  not null
);
comment on table commissioning_population_import is '[commissioning] Population files imported: who, when, what they held.';

-- One assumption: a prevalence rate (a need, an age band) or an uptake (a type of service).
create table commissioning_needs_assumption (
    id            varchar(80)   primary key,
    kind          varchar(16)   not null check (kind in ('PREVALENCE', 'UPTAKE')),
    need          varchar(40)   not null,
    age_band      varchar(8),
    service_type  varchar(40),
    value         numeric(12,6) not null check (value >= 0),
    units_per_person numeric(8,2),
    source        varchar(500)  not null,
    illustrative  boolean       not null,
    version       integer       not null,
    changed_by    uuid,
    changed_by_name varchar(200) not null,
    changed_at    timestamptz   not null,
    reason        varchar(1000) not null
);
comment on table commissioning_needs_assumption is '[commissioning] The current prevalence and uptake assumptions that turn population into demand, with their source.';

create table commissioning_needs_assumption_change (
    id             bigint generated always as identity primary key,
    assumption_id  varchar(80)   not null references commissioning_needs_assumption (id),
    version        integer       not null,
    previous_value numeric(12,6),
    value          numeric(12,6) not null,
    previous_units numeric(8,2),
    units_per_person numeric(8,2),
    previous_source varchar(500),
    source         varchar(500)  not null,
    changed_by     uuid,
    changed_by_name varchar(200) not null,
    changed_at     timestamptz   not null,
    reason         varchar(1000) not null,
    unique (assumption_id, version)
);
comment on table commissioning_needs_assumption_change is '[commissioning] Every version of every needs assumption: who changed it, when, why, and the value before.';

create table commissioning_outcome_value (
    la_code        varchar(16)   not null,
    la_name        varchar(200)  not null,
    region         varchar(100)  not null,
    measure_code   varchar(8)    not null,
    financial_year varchar(7)    not null,
    value          numeric(12,4) not null,
    primary key (la_code, measure_code, financial_year)
);
comment on table commissioning_outcome_value is '[commissioning] Published adult social care outcome measures of every council, by year.';

create table commissioning_activity_value (
    la_name    varchar(200) not null,
    year       integer      not null,
    setting    varchar(40)  not null,
    provision  varchar(20)  not null,
    value      numeric(16,2) not null,
    percent_of_setting numeric(8,4),
    primary key (la_name, year, setting, provision)
);
comment on table commissioning_activity_value is '[commissioning] Published adult social care activity of every council by setting, in-house or external, by year.';

create table commissioning_outcome_neighbour (
    la_code        varchar(16) not null,
    neighbour_code varchar(16) not null,
    position       integer     not null,
    primary key (la_code, neighbour_code)
);
comment on table commissioning_outcome_neighbour is '[commissioning] The councils a council compares its outcome measures with (its nearest neighbours).';

create index commissioning_population_year_idx on commissioning_population (year, area_code);
