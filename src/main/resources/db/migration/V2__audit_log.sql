-- The audit log: who did what to which record, and when. Append-only: the triggers below
-- refuse any update, delete or truncate, whoever asks.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    actor_id       uuid,
    actor_name     varchar(254) not null,
    actor_role     varchar(30),
    action         varchar(30)  not null,
    record_type    varchar(80),
    record_id      varchar(80),
    summary        varchar(1000),
    changes        jsonb,
    client_address varchar(64)
);

create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc);
create index audit_event_record_idx on audit_event (record_type, record_id);
create index audit_event_actor_idx on audit_event (lower(actor_name));
create index audit_event_action_idx on audit_event (action);

create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'The audit log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
