-- Tenders under the Procurement Act 2023's light-touch regime, and their sealed bids (ADR 0037,
-- ADR 0042). A bid's price, answers and documents are encrypted with the tender's public key as
-- they arrive; the private key is kept here only wrapped by a key the database never holds, and the
-- database hands the wrapped key out only through procurement_unseal(), which logs every call and
-- refuses before the deadline. The database's clock decides the deadline, for receiving and for
-- opening alike.

create table procurement_tender (
    id                   uuid primary key,
    version              integer      not null,
    reference            varchar(20)  not null unique,
    title                varchar(200) not null,
    description          text         not null,
    intention_reference  varchar(200),
    procedure            varchar(30)  not null check (procedure in ('OPEN', 'COMPETITIVE_FLEXIBLE')),
    estimated_value      numeric(14, 2),
    contract_months      integer check (contract_months between 1 and 240),
    status               varchar(20)  not null check (status in ('PLANNING', 'PUBLISHED', 'OPENED', 'CANCELLED')),
    closes_at            timestamptz  check (closes_at = date_trunc('milliseconds', closes_at)),
    seal_public_key      bytea,
    published_at         timestamptz,
    opened_at            timestamptz,
    opened_by            uuid,
    created_by           uuid,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    check (status = 'PLANNING' or (closes_at is not null and seal_public_key is not null and published_at is not null)),
    check ((status = 'OPENED') = (opened_at is not null))
);
create index procurement_tender_status on procurement_tender (status, closes_at);
comment on table procurement_tender is '[procurement] Tenders: planning, publication, deadline and opening.';

create table procurement_tender_lot (
    id               uuid primary key,
    tender_id        uuid         not null references procurement_tender (id),
    number           integer      not null check (number between 1 and 99),
    title            varchar(200) not null,
    description      text         not null,
    estimated_value  numeric(14, 2),
    unique (tender_id, number)
);
comment on table procurement_tender_lot is '[procurement] The lots a tender is divided into.';

-- Top-level criteria (quality, price, social value) weigh 100 between them; sub-criteria share
-- their parent's weight; pass/fail questions weigh nothing and exclude a bid that fails them.
create table procurement_tender_criterion (
    id         uuid primary key,
    tender_id  uuid         not null references procurement_tender (id),
    parent_id  uuid         references procurement_tender_criterion (id),
    kind       varchar(20)  not null check (kind in ('QUALITY', 'PRICE', 'SOCIAL_VALUE', 'PASS_FAIL')),
    title      varchar(200) not null,
    guidance   text,
    weight     integer      check (weight between 0 and 100),
    position   integer      not null,
    check ((kind = 'PASS_FAIL') = (weight is null))
);
create index procurement_tender_criterion_tender on procurement_tender_criterion (tender_id, position);
comment on table procurement_tender_criterion is '[procurement] A tender''s award criteria, their weights and its pass/fail questions.';

create table procurement_tender_document (
    tender_id    uuid         not null references procurement_tender (id),
    document_id  uuid         not null,
    title        varchar(200) not null,
    added_at     timestamptz  not null,
    primary key (tender_id, document_id)
);
comment on table procurement_tender_document is '[procurement] The specification and other tender documents (held by the documents module).';

-- Questions are published with their answer to every bidder without the asker's name.
create table procurement_clarification (
    id                 uuid primary key,
    tender_id          uuid          not null references procurement_tender (id),
    number             integer       not null,
    asked_by_provider  uuid          not null,
    asked_by_user      uuid,
    question           varchar(4000) not null,
    asked_at           timestamptz   not null,
    answer             varchar(8000),
    answered_by        uuid,
    answered_at        timestamptz,
    unique (tender_id, number),
    check ((answer is null) = (answered_at is null))
);
comment on table procurement_clarification is '[procurement] Clarification questions and the answers published to all bidders.';

-- The tender's private key, wrapped (AES-GCM) by a key the application holds outside the database.
create table procurement_tender_seal (
    tender_id            uuid primary key references procurement_tender (id),
    wrapped_private_key  bytea not null
);
revoke all on procurement_tender_seal from public;
comment on table procurement_tender_seal is '[procurement] Each tender''s wrapped private key, given out only by procurement_unseal().';

create table procurement_bid (
    id           uuid primary key,
    tender_id    uuid        not null references procurement_tender (id),
    lot_id       uuid        not null references procurement_tender_lot (id),
    provider_id  uuid        not null,
    created_at   timestamptz not null,
    unique (lot_id, provider_id)
);
create index procurement_bid_provider on procurement_bid (provider_id, tender_id);
comment on table procurement_bid is '[procurement] A provider''s bid for a lot; its content is in its versions.';

-- Every submission is a new version; none is changed or deleted. received_at is stamped here.
create table procurement_bid_version (
    id              uuid primary key,
    bid_id          uuid         not null references procurement_bid (id),
    number          integer      not null,
    received_at     timestamptz  not null,
    submitted_by    uuid,
    sealed_key      bytea        not null,
    sealed_content  bytea        not null,
    fingerprint     varchar(64)  not null,
    unique (bid_id, number)
);
comment on table procurement_bid_version is '[procurement] Each submission of a bid, sealed: its key encrypted to the tender, its content encrypted with that key.';

-- A document sent with a bid, sealed with its own key (so a later version can keep it without
-- anyone opening it), and the versions it belongs to.
create table procurement_bid_document (
    id               uuid primary key,
    bid_id           uuid         not null references procurement_bid (id),
    file_name        varchar(255) not null,
    kind             varchar(30)  not null,
    size_bytes       bigint       not null,
    fingerprint      varchar(64)  not null,
    received_at      timestamptz  not null,
    sealed_key       bytea        not null,
    sealed_content   bytea        not null
);
create index procurement_bid_document_bid on procurement_bid_document (bid_id);
comment on table procurement_bid_document is '[procurement] Documents sent with a bid, each sealed with its own key.';

create table procurement_bid_version_document (
    bid_version_id  uuid not null references procurement_bid_version (id),
    document_id     uuid not null references procurement_bid_document (id),
    primary key (bid_version_id, document_id)
);
comment on table procurement_bid_version_document is '[procurement] Which documents each bid version includes.';

-- Every attempt to unseal a tender's bids, granted or not, written by procurement_unseal().
create table procurement_bid_access (
    id                bigint generated always as identity primary key,
    tender_id         uuid         not null,
    attempted_at      timestamptz  not null,
    database_user     text         not null,
    application_user  varchar(320),
    purpose           varchar(200) not null,
    granted           boolean      not null
);
create index procurement_bid_access_tender on procurement_bid_access (tender_id, attempted_at);
comment on table procurement_bid_access is '[procurement] Every attempt to unseal a tender''s bids, and whether it was granted.';

-- The deadline rule: a bid received in the deadline's millisecond is in time.
create function procurement_bid_in_time(received timestamptz, closes timestamptz) returns boolean
    language sql immutable as $$
    select date_trunc('milliseconds', received) <= closes
$$;

create function procurement_bid_received() returns trigger
    language plpgsql as $$
declare
    t record;
begin
    -- the share lock orders this insert against opening, which takes the row for update
    select tender.status, tender.closes_at into t
    from procurement_bid bid join procurement_tender tender on tender.id = bid.tender_id
    where bid.id = new.bid_id
    for share of tender;
    new.received_at := date_trunc('milliseconds', clock_timestamp());
    if t.status is distinct from 'PUBLISHED' or not procurement_bid_in_time(new.received_at, t.closes_at) then
        raise exception 'procurement: the deadline for this tender has passed' using errcode = 'P0042';
    end if;
    return new;
end $$;
create trigger procurement_bid_version_received before insert on procurement_bid_version
    for each row execute function procurement_bid_received();
create trigger procurement_bid_document_received before insert on procurement_bid_document
    for each row execute function procurement_bid_received();

create function procurement_sealed_unchanged() returns trigger
    language plpgsql as $$
begin
    raise exception 'procurement: a submitted bid is kept as it was received' using errcode = 'P0043';
end $$;
create trigger procurement_bid_version_kept before update or delete on procurement_bid_version
    for each row execute function procurement_sealed_unchanged();
create trigger procurement_bid_document_kept before update or delete on procurement_bid_document
    for each row execute function procurement_sealed_unchanged();
create trigger procurement_bid_version_document_kept before update or delete on procurement_bid_version_document
    for each row execute function procurement_sealed_unchanged();
create trigger procurement_tender_seal_kept before update or delete on procurement_tender_seal
    for each row execute function procurement_sealed_unchanged();

-- The only way to the wrapped key: logged whether granted or not, and refused until the millisecond
-- after the deadline. It returns null when refused rather than raising, so the log row is kept.
create function procurement_unseal(p_tender uuid, p_user varchar, p_purpose varchar) returns bytea
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    closes timestamptz;
    now_at timestamptz;
    allowed boolean;
begin
    select closes_at into closes from procurement_tender where id = p_tender for update;
    now_at := clock_timestamp();
    allowed := closes is not null and now_at >= closes + interval '1 millisecond';
    insert into procurement_bid_access (tender_id, attempted_at, database_user, application_user, purpose, granted)
    values (p_tender, now_at, session_user, left(p_user, 320), left(p_purpose, 200), allowed);
    if not allowed then
        return null;
    end if;
    return (select wrapped_private_key from procurement_tender_seal where tender_id = p_tender);
end $$;
revoke all on function procurement_unseal(uuid, varchar, varchar) from public;

-- The invitations to tender, for the open-data list and the matching module.
create view procurement_invitation_to_tender as
    select t.id, t.reference, t.title, t.description, t.procedure, t.estimated_value, t.contract_months,
           t.published_at, t.closes_at, t.status,
           (select count(*) from procurement_tender_lot l where l.tender_id = t.id) as lots
    from procurement_tender t
    where t.status <> 'PLANNING';
comment on view procurement_invitation_to_tender is '[procurement, published] Published tenders: reference, title, value, procedure, publication and deadline.';
