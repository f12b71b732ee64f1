-- The register grows: ratings belong to CQC locations (so the history of locations not, or not
-- yet, on the register is kept too), services carry their current overall rating for fast
-- searching, providers have contacts, services report vacancies, and the council's contracts
-- say what it commissions. Uploaded documents and import jobs get tables of their own.

-- Ratings by CQC location -------------------------------------------------------------------
alter table cqc_rating add column cqc_location_id varchar(20);
update cqc_rating r set cqc_location_id = s.cqc_location_id from care_service s where s.id = r.care_service_id;
delete from cqc_rating where cqc_location_id is null;
drop view current_cqc_rating;
alter table cqc_rating drop column care_service_id;
alter table cqc_rating alter column cqc_location_id set not null;
alter table cqc_rating add constraint cqc_rating_once unique (cqc_location_id, key_question, published_on);
drop index if exists cqc_rating_latest_idx;
create index cqc_rating_latest_idx on cqc_rating (cqc_location_id, key_question, published_on desc);

create view current_cqc_rating as
select distinct on (cqc_location_id, key_question) cqc_location_id, key_question, rating, published_on
from cqc_rating
order by cqc_location_id, key_question, published_on desc;

-- The current overall rating, copied onto the service and kept up to date by triggers --------
alter table care_service add column cqc_overall varchar(25), add column cqc_overall_on date;

update care_service s
set cqc_overall = r.rating, cqc_overall_on = r.published_on
from current_cqc_rating r
where r.cqc_location_id = s.cqc_location_id and r.key_question = 'OVERALL';

create index care_service_cqc_overall_idx on care_service (cqc_overall);

create function care_service_takes_current_rating() returns trigger
    language plpgsql as
$$
begin
    if new.cqc_location_id is null then
        new.cqc_overall := null;
        new.cqc_overall_on := null;
    elsif tg_op = 'INSERT' or new.cqc_location_id is distinct from old.cqc_location_id then
        select rating, published_on into new.cqc_overall, new.cqc_overall_on
        from cqc_rating
        where cqc_location_id = new.cqc_location_id and key_question = 'OVERALL'
        order by published_on desc
        limit 1;
    end if;
    return new;
end
$$;

create trigger care_service_current_rating
    before insert or update of cqc_location_id on care_service
    for each row execute function care_service_takes_current_rating();

create function cqc_ratings_refresh_services() returns trigger
    language plpgsql as
$$
begin
    update care_service s
    set cqc_overall = latest.rating, cqc_overall_on = latest.published_on
    from (select distinct on (r.cqc_location_id) r.cqc_location_id, r.rating, r.published_on
          from cqc_rating r
          where r.key_question = 'OVERALL'
            and r.cqc_location_id in (select i.cqc_location_id from inserted i where i.key_question = 'OVERALL')
          order by r.cqc_location_id, r.published_on desc) latest
    where s.cqc_location_id = latest.cqc_location_id
      and (s.cqc_overall is distinct from latest.rating or s.cqc_overall_on is distinct from latest.published_on);
    return null;
end
$$;

create trigger cqc_rating_refreshes_services
    after insert on cqc_rating
    referencing new table as inserted
    for each statement execute function cqc_ratings_refresh_services();

-- Providers' contacts and services' vacancies -------------------------------------------------
create table provider_contact (
    provider_id uuid         not null references provider (id) on delete cascade,
    position    integer      not null,
    name        varchar(200) not null,
    job_title   varchar(200),
    email       varchar(254),
    phone       varchar(40),
    primary key (provider_id, position)
);

alter table care_service
    add column vacancies             integer check (vacancies >= 0),
    add column vacancies_reported_at timestamptz,
    add column dormant_since         date;

-- Uploaded documents (specifications now; evidence and attachments later) ---------------------
create table document (
    id           uuid primary key,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null check (size_bytes > 0),
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  uuid,
    uploaded_at  timestamptz  not null
);

-- Contracts: what the council commissions from which service ---------------------------------
create table contract (
    id                        uuid primary key,
    version                   integer      not null,
    reference                 varchar(60)  not null,
    care_service_id           uuid         not null references care_service (id),
    lot                       varchar(120),
    framework                 varchar(200),
    starts_on                 date         not null,
    ends_on                   date         not null,
    total_value               numeric(14, 2) check (total_value >= 0),
    unit_price                numeric(10, 2) check (unit_price >= 0),
    price_unit                varchar(20) check (price_unit in ('PER_WEEK', 'PER_HOUR', 'PER_DAY', 'PER_PLACE', 'PER_YEAR')),
    commissioned_capacity     integer check (commissioned_capacity >= 0),
    contract_manager_id       uuid,
    specification_document_id uuid references document (id),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    constraint contract_reference_unique unique (reference),
    constraint contract_ends_after_it_starts check (ends_on >= starts_on),
    constraint contract_price_has_unit check ((unit_price is null) = (price_unit is null))
);

create index contract_service_idx on contract (care_service_id, ends_on);

-- Import jobs and the rows they refused --------------------------------------------------------
create table import_job (
    id                uuid primary key,
    kind              varchar(30)  not null,
    file_name         varchar(255) not null,
    file_format       varchar(10),
    file_sha256       varchar(64),
    area_only         boolean      not null,
    status            varchar(20)  not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_read         bigint       not null default 0,
    created           bigint       not null default 0,
    updated           bigint       not null default 0,
    unchanged         bigint       not null default 0,
    skipped           bigint       not null default 0,
    rejected          bigint       not null default 0,
    message           varchar(1000),
    requested_by      uuid,
    requested_by_name varchar(254) not null,
    requested_at      timestamptz  not null,
    started_at        timestamptz,
    finished_at       timestamptz
);

create index import_job_requested_idx on import_job (requested_at desc);

create table import_rejection (
    job_id      uuid         not null references import_job (id) on delete cascade,
    row_number  bigint       not null,
    location_id varchar(40),
    reason      varchar(500) not null,
    row_text    varchar(4000),
    primary key (job_id, row_number)
);
