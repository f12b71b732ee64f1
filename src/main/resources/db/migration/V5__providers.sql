-- The provider register: organisations, the services they run at locations, and the CQC
-- ratings of those services, kept as history.
create table provider_group (
    id   uuid primary key,
    name varchar(200) not null unique
);

create table provider (
    id              uuid primary key,
    version         integer      not null,
    name            varchar(200) not null,
    cqc_provider_id varchar(20) unique,
    ownership       varchar(20)  not null check (ownership in ('PRIVATE', 'VOLUNTARY', 'COUNCIL', 'NHS')),
    group_id        uuid references provider_group (id),
    phone           varchar(40),
    email           varchar(254),
    website         varchar(300),
    address_line1   varchar(200),
    address_line2   varchar(200),
    town            varchar(100),
    postcode        varchar(8),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

create index provider_name_idx on provider (lower(name));
create index provider_group_idx on provider (group_id);

create table care_service (
    id                 uuid primary key,
    version            integer      not null,
    provider_id        uuid         not null references provider (id),
    cqc_location_id    varchar(20) unique,
    name               varchar(200) not null,
    service_type       varchar(30)  not null check (service_type in
        ('CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES',
         'DAY_SERVICE')),
    client_groups      varchar(30)[] not null default '{}',
    address_line1      varchar(200),
    address_line2      varchar(200),
    town               varchar(100),
    postcode           varchar(8)   not null,
    postcode_district  varchar(4) references postcode_district (outcode),
    locality_id        uuid references locality (id),
    latitude           numeric(9, 6),
    longitude          numeric(9, 6),
    beds               integer check (beds >= 0),
    weekly_hours       integer check (weekly_hours >= 0),
    places             integer check (places >= 0),
    registered_manager varchar(200),
    status             varchar(10)  not null check (status in ('ACTIVE', 'DORMANT', 'CLOSED')),
    registered_on      date,
    closed_on          date,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    constraint care_service_closed_has_date check ((status = 'CLOSED') = (closed_on is not null))
);

create index care_service_provider_idx on care_service (provider_id);
create index care_service_locality_idx on care_service (locality_id);
create index care_service_type_idx on care_service (service_type);
create index care_service_name_idx on care_service (lower(name));

create table cqc_rating (
    id              bigint generated always as identity primary key,
    care_service_id uuid        not null references care_service (id),
    key_question    varchar(12) not null check (key_question in
        ('OVERALL', 'SAFE', 'EFFECTIVE', 'CARING', 'RESPONSIVE', 'WELL_LED')),
    rating          varchar(25) not null check (rating in
        ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE', 'NOT_RATED')),
    published_on    date        not null,
    source          varchar(40) not null,
    unique (care_service_id, key_question, published_on)
);

create index cqc_rating_latest_idx on cqc_rating (care_service_id, key_question, published_on desc);

-- The latest published rating of each service for each key question.
create view current_cqc_rating as
select distinct on (care_service_id, key_question) care_service_id, key_question, rating, published_on
from cqc_rating
order by care_service_id, key_question, published_on desc;
