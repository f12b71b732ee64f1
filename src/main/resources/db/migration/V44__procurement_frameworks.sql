-- Frameworks and dynamic markets (Procurement Act 2023, light-touch regime), their lots, the
-- providers admitted to each lot with their prices, and preferred-provider partnerships
-- (issue 17, items 4 and 5; ADR 0038). Lots and admissions are rows with stable ids because
-- the matching module refers to them (procurement.FrameworkMembership).

create sequence procurement_framework_number;

create table procurement_framework (
    id          uuid primary key,
    reference   varchar(20)  not null unique,
    kind        varchar(20)  not null check (kind in ('FRAMEWORK', 'DYNAMIC_MARKET')),
    title       varchar(200) not null,
    description text         not null check (length(description) <= 20000),
    starts_on   date         not null,
    ends_on     date,
    created_at  timestamptz  not null,
    created_by  varchar(254) not null,
    -- a framework's term is at most four years under the Act; a dynamic market may run open-ended
    check (ends_on is null or ends_on > starts_on),
    check (kind = 'DYNAMIC_MARKET' or ends_on is not null)
);
comment on table procurement_framework is '[procurement] Frameworks and dynamic markets: kind, title, description and term.';

create table procurement_framework_lot (
    id             uuid primary key,
    framework_id   uuid         not null references procurement_framework (id),
    number         integer      not null check (number between 1 and 999),
    name           varchar(200) not null,
    service_type   varchar(40)  not null,
    locality_id    uuid,
    price_unit     varchar(20)  not null,
    quality_weight integer      not null check (quality_weight between 0 and 100),
    created_at     timestamptz  not null,
    unique (framework_id, number)
);
comment on table procurement_framework_lot is '[procurement] Lots of a framework or dynamic market: type of service, area (a locality, or the whole county), price unit and the quality/price weighting of call-offs.';

create table procurement_admission (
    id          uuid primary key,
    version     integer       not null,
    lot_id      uuid          not null references procurement_framework_lot (id),
    provider_id uuid          not null,
    status      varchar(20)   not null check (status in ('APPLIED', 'ADMITTED', 'REFUSED', 'SUSPENDED', 'REMOVED', 'WITHDRAWN')),
    price       numeric(12, 2) check (price is null or (price > 0 and price < 1000000)),
    statement   text          check (length(statement) <= 20000),
    applied_at  timestamptz,
    decided_at  timestamptz,
    reason      text          check (length(reason) <= 20000),
    updated_at  timestamptz   not null
);
-- a provider holds at most one live place or application per lot; refused, removed and
-- withdrawn ones stay as history and a provider may apply again
create unique index procurement_admission_live on procurement_admission (lot_id, provider_id)
    where status in ('APPLIED', 'ADMITTED', 'SUSPENDED');
create index procurement_admission_provider_idx on procurement_admission (provider_id, status);
comment on table procurement_admission is '[procurement] Providers admitted to, applying to, refused by, suspended from or removed from a lot, with their price and the reasons.';

create table procurement_admission_step (
    id           bigint generated always as identity primary key,
    admission_id uuid         not null references procurement_admission (id),
    happened_at  timestamptz  not null,
    status       varchar(20)  not null,
    actor_name   varchar(254) not null,
    reason       text
);
create index procurement_admission_step_idx on procurement_admission_step (admission_id, happened_at);
comment on table procurement_admission_step is '[procurement] The history of each admission: applied, admitted, refused, suspended, reinstated, removed, with who and why.';

create sequence procurement_partnership_number;

create table procurement_partnership (
    id           uuid primary key,
    reference    varchar(20)  not null unique,
    provider_id  uuid         not null,
    title        varchar(200) not null,
    rationale    text         not null check (length(rationale) <= 20000),
    services     varchar(40)[] not null,
    scope        text         check (length(scope) <= 20000),
    starts_on    date         not null,
    review_on    date         not null,
    created_at   timestamptz  not null,
    created_by   varchar(254) not null,
    check (review_on > starts_on)
);
create index procurement_partnership_provider_idx on procurement_partnership (provider_id);
comment on table procurement_partnership is '[procurement] Preferred-provider partnerships: the provider, why it was chosen, the services covered and when it is reviewed.';

create view procurement_framework_admission as
    select a.id, a.lot_id, l.framework_id, a.provider_id, a.status, a.price, l.service_type, l.locality_id,
           l.price_unit, l.quality_weight
    from procurement_admission a
    join procurement_framework_lot l on l.id = a.lot_id;
comment on view procurement_framework_admission is '[procurement, published] Each provider''s place on a framework or dynamic market lot: status, price, type of service, area, price unit and quality weight.';
