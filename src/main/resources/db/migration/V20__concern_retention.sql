-- Retention of closed concerns (ADR 0018): a concern closed longer ago than the retention period
-- is anonymised. Its personal details go; what the statistics need stays.

alter table concern add column anonymised_on date;

-- The nightly job's question: which closed concerns are past the cut-off and not yet anonymised?
create index concern_retention_idx on concern (closed_at) where status = 'CLOSED' and anonymised_on is null;

-- The audit log stays append-only, with one narrow exception: a value copied into it from a record
-- that has been anonymised may be replaced by "(redacted)". Nothing else in an entry may change,
-- nothing may be deleted, and the exception is only open inside audit_event_redact() below.

-- A change {"from": .., "to": ..} with both values redacted (an empty value stays empty).
create function audit_change_redacted(change jsonb) returns jsonb
    language sql immutable as
$$
select jsonb_build_object(
    'from', case when change -> 'from' = 'null'::jsonb then change -> 'from' else to_jsonb('(redacted)'::text) end,
    'to', case when change -> 'to' = 'null'::jsonb then change -> 'to' else to_jsonb('(redacted)'::text) end)
$$;

create or replace function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and current_setting('carecycle.audit_redaction', true) = 'on' then
        -- allowed through to audit_event_redaction_only(), which checks every row
        return null;
    end if;
    raise exception 'The audit log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

-- Every updated row: only values may become "(redacted)"; who, when, what and which record stay.
create function audit_event_redaction_only() returns trigger
    language plpgsql as
$$
declare
    field text;
begin
    if (new.id, new.occurred_at, new.actor_id, new.actor_name, new.actor_role, new.action, new.record_type,
        new.record_id) is distinct from (old.id, old.occurred_at, old.actor_id, old.actor_name, old.actor_role,
        old.action, old.record_type, old.record_id) then
        raise exception 'The audit log is append-only: only values may be redacted'
            using errcode = 'insufficient_privilege';
    end if;
    if (new.summary is distinct from old.summary and new.summary is distinct from '(redacted)')
        or (new.client_address is distinct from old.client_address
            and new.client_address is distinct from '(redacted)') then
        raise exception 'The audit log is append-only: only values may be redacted'
            using errcode = 'insufficient_privilege';
    end if;
    if new.changes is distinct from old.changes then
        if old.changes is null or new.changes is null
            or array(select jsonb_object_keys(old.changes) order by 1)
               is distinct from array(select jsonb_object_keys(new.changes) order by 1) then
            raise exception 'The audit log is append-only: only values may be redacted'
                using errcode = 'insufficient_privilege';
        end if;
        for field in select jsonb_object_keys(old.changes) loop
            if new.changes -> field is distinct from old.changes -> field
                and new.changes -> field is distinct from audit_change_redacted(old.changes -> field) then
                raise exception 'The audit log is append-only: only values may be redacted'
                    using errcode = 'insufficient_privilege';
            end if;
        end loop;
    end if;
    return new;
end
$$;

create trigger audit_event_redaction_only
    before update on audit_event
    for each row execute function audit_event_redaction_only();

-- Redacts, in the entries about the given records: the named fields' values, the summary if asked,
-- and the client address of entries no signed-in user made (a member of the public's address) if
-- asked. Returns how many entries changed; running it again changes none.
create function audit_event_redact(p_record_type varchar, p_record_ids varchar[], p_fields text[],
                                   p_summary boolean, p_public_address boolean) returns integer
    language plpgsql as
$$
declare
    redacted integer;
begin
    perform set_config('carecycle.audit_redaction', 'on', true);
    with proposed as (
        select e.id,
               case when e.changes is null then null
                    else coalesce((select jsonb_object_agg(c.key, case when c.key = any (p_fields)
                                                                      then audit_change_redacted(c.value)
                                                                      else c.value end)
                                   from jsonb_each(e.changes) c), '{}'::jsonb) end as changes,
               case when p_summary and e.summary is not null then '(redacted)' else e.summary end as summary,
               case when p_public_address and e.actor_id is null and e.client_address is not null
                    then '(redacted)' else e.client_address end as client_address
        from audit_event e
        where e.record_type = p_record_type and e.record_id = any (p_record_ids))
    update audit_event e
    set changes = p.changes, summary = p.summary, client_address = p.client_address
    from proposed p
    where e.id = p.id
      and (e.changes, e.summary, e.client_address) is distinct from (p.changes, p.summary, p.client_address);
    get diagnostics redacted = row_count;
    perform set_config('carecycle.audit_redaction', 'off', true);
    return redacted;
end
$$;
