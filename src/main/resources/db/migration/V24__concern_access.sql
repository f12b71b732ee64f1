-- Who opened a concern (ADR 0018, "Who opened a concern"): every time someone opens a page of a
-- concern that shows who raised it or what they said, or downloads one of its documents, a row
-- here says who, when, which page and from which address. It is kept apart from audit_event:
-- page views far outnumber changes, and would bury them in the administrators' log.
--
-- A row names the member of staff (council or provider) who opened the page, never the person who
-- raised the concern: the page is a fixed code, not free text, and no document name is kept. So the
-- retention rule has nothing to take out of it, and leaves it whole.
create table concern_access (
    id             bigint generated always as identity primary key,
    concern_id     uuid         not null references concern (id),
    opened_at      timestamptz  not null,
    actor_id       uuid         not null,
    actor_name     varchar(200) not null,
    actor_email    varchar(254) not null,
    actor_role     varchar(30)  not null,
    page           varchar(30)  not null
        check (page in ('CONCERN', 'ASSESSMENT', 'RESPONSE_DOCUMENT', 'PROVIDER_REQUEST', 'PROVIDER_DOCUMENT')),
    client_address varchar(64)
);

-- The history of one concern, newest first; also answers "has this person opened this page in the
-- last few minutes?" without reading more than the concern's own rows.
create index concern_access_concern_idx on concern_access (concern_id, opened_at desc, id desc);

-- Append-only, like the audit log, but with no exception at all: nothing here is ever redacted.
create function concern_access_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'The record of who opened a concern is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger concern_access_no_update_or_delete
    before update or delete on concern_access
    for each statement execute function concern_access_is_append_only();

create trigger concern_access_no_truncate
    before truncate on concern_access
    for each statement execute function concern_access_is_append_only();
