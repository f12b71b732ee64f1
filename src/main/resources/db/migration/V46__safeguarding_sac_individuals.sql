-- The Safeguarding Adults Collection return (ADR 0034, addendum; ADR 0040). SG1 counts individuals:
-- each adult once per column and financial year, with the details of their latest case in it. Sorting
-- a national year's ~770,000 cases for that at return time took two seconds; this table keeps the
-- answer instead, one row per (financial year, column, individual), maintained by the triggers below
-- whenever a concern or an enquiry is written, whoever writes it (the module, the demo loader, the
-- bench, a test), and backfilled here.
--
-- An individual is the adult's record number, trimmed ('a:' and the number), or, without one, the
-- concern itself ('c:' and its id): the same rule as before.

create function safeguarding_sac_person(adult_reference varchar, concern_id uuid) returns text
    language sql immutable parallel safe as
$$ select coalesce('a:' || nullif(btrim(adult_reference), ''), 'c:' || concern_id::text) $$;

-- The financial year (1 April to 31 March, UK time) an instant falls in: 2017 for 2017-18.
create function safeguarding_financial_year(at timestamptz) returns integer
    language sql immutable parallel safe as
$$ select extract(year from (at at time zone 'Europe/London') - interval '3 months')::integer $$;

create table safeguarding_sac_individual (
    financial_year  integer      not null,
    col             varchar(8)   not null check (col in ('CONCERNS', 'S42', 'OTHER')),
    person          text         not null,
    concern_id      uuid         not null,  -- the latest case's concern
    at              timestamptz  not null,  -- when that case was received, or its enquiry opened
    age_band        varchar(20)  not null,
    gender          varchar(20)  not null,
    ethnicity       varchar(20)  not null,
    support_reason  varchar(30)  not null,
    primary key (financial_year, col, person)
);

comment on table safeguarding_sac_individual is '[safeguarding] Each adult at risk once a financial year in each SAC column, with the details of their latest case (SG1), kept by triggers.';

create index safeguarding_sac_individual_person_idx on safeguarding_sac_individual (person);
create index safeguarding_concern_sac_person_idx on safeguarding_concern (safeguarding_sac_person(adult_reference, id));

-- Works out again, from the concerns and enquiries, the rows of the given individuals.
create function safeguarding_sac_refresh(persons text[]) returns void
    language plpgsql as
$$
begin
    if cardinality(persons) = 0 then
        return;
    end if;
    if cardinality(persons) <= 50 then
        -- two transactions writing cases of one adult at once take turns, so the later one sees
        -- the earlier one's case (each statement below takes its snapshot after the lock)
        perform pg_advisory_xact_lock(hashtext('safeguarding_sac:' || p))
        from (select distinct unnest(persons) as p order by 1) ps;
    end if;
    -- rows whose individual has no case left in that year and column go; the others are
    -- written only where they changed (a new enquiry leaves the adult's concern rows alone)
    with fresh as (
        select distinct on (financial_year, col, person) financial_year, col, person, concern_id, at, age_band,
               gender, ethnicity, support_reason
        from (
            select safeguarding_financial_year(c.received_at) as financial_year, 'CONCERNS' as col,
                   safeguarding_sac_person(c.adult_reference, c.id) as person, c.id as concern_id, c.received_at as at,
                   c.age_band, c.gender, c.ethnicity, c.support_reason
            from safeguarding_concern c
            where c.status <> 'MERGED'
              and safeguarding_sac_person(c.adult_reference, c.id) in (select unnest(persons))
            union all
            select safeguarding_financial_year(e.opened_at),
                   case e.kind when 'SECTION_42' then 'S42' else 'OTHER' end,
                   safeguarding_sac_person(c.adult_reference, c.id), c.id, e.opened_at,
                   c.age_band, c.gender, c.ethnicity, c.support_reason
            from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
            where c.status <> 'MERGED'
              and safeguarding_sac_person(c.adult_reference, c.id) in (select unnest(persons))
        ) cases
        order by financial_year, col, person, at desc, concern_id
    ),
    gone as (
        delete from safeguarding_sac_individual s
        where s.person in (select unnest(persons))
          and not exists (select 1 from fresh f
                          where f.financial_year = s.financial_year and f.col = s.col and f.person = s.person)
    )
    insert into safeguarding_sac_individual as s (financial_year, col, person, concern_id, at, age_band, gender,
                                                  ethnicity, support_reason)
    select financial_year, col, person, concern_id, at, age_band, gender, ethnicity, support_reason from fresh
    on conflict (financial_year, col, person) do update
        set concern_id = excluded.concern_id, at = excluded.at, age_band = excluded.age_band,
            gender = excluded.gender, ethnicity = excluded.ethnicity, support_reason = excluded.support_reason
        where (s.concern_id, s.at, s.age_band, s.gender, s.ethnicity, s.support_reason)
              is distinct from (excluded.concern_id, excluded.at, excluded.age_band, excluded.gender,
                                excluded.ethnicity, excluded.support_reason);
end
$$;

create function safeguarding_sac_concerns_written() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform safeguarding_sac_refresh(array(select distinct safeguarding_sac_person(adult_reference, id) from new_rows));
    elsif tg_op = 'UPDATE' then
        perform safeguarding_sac_refresh(array(
            select safeguarding_sac_person(adult_reference, id) from new_rows
            union select safeguarding_sac_person(adult_reference, id) from old_rows));
    else
        perform safeguarding_sac_refresh(array(select distinct safeguarding_sac_person(adult_reference, id) from old_rows));
    end if;
    return null;
end
$$;

create function safeguarding_sac_enquiries_written() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform safeguarding_sac_refresh(array(
            select distinct safeguarding_sac_person(c.adult_reference, c.id) from safeguarding_concern c
            where c.id in (select concern_id from new_rows)));
    elsif tg_op = 'UPDATE' then
        perform safeguarding_sac_refresh(array(
            select distinct safeguarding_sac_person(c.adult_reference, c.id) from safeguarding_concern c
            where c.id in (select concern_id from new_rows union select concern_id from old_rows)));
    else
        perform safeguarding_sac_refresh(array(
            select distinct safeguarding_sac_person(c.adult_reference, c.id) from safeguarding_concern c
            where c.id in (select concern_id from old_rows)));
    end if;
    return null;
end
$$;

create function safeguarding_sac_emptied() returns trigger
    language plpgsql as
$$
begin
    delete from safeguarding_sac_individual;
    return null;
end
$$;

create trigger safeguarding_sac_concerns_inserted after insert on safeguarding_concern
    referencing new table as new_rows for each statement execute function safeguarding_sac_concerns_written();
create trigger safeguarding_sac_concerns_updated after update on safeguarding_concern
    referencing new table as new_rows old table as old_rows
    for each statement execute function safeguarding_sac_concerns_written();
create trigger safeguarding_sac_concerns_deleted after delete on safeguarding_concern
    referencing old table as old_rows for each statement execute function safeguarding_sac_concerns_written();
create trigger safeguarding_sac_concerns_truncated after truncate on safeguarding_concern
    for each statement execute function safeguarding_sac_emptied();
create function safeguarding_sac_enquiries_emptied() returns trigger
    language plpgsql as
$$
begin
    delete from safeguarding_sac_individual where col <> 'CONCERNS';
    return null;
end
$$;

create trigger safeguarding_sac_enquiries_truncated after truncate on safeguarding_enquiry
    for each statement execute function safeguarding_sac_enquiries_emptied();
create trigger safeguarding_sac_enquiries_inserted after insert on safeguarding_enquiry
    referencing new table as new_rows for each statement execute function safeguarding_sac_enquiries_written();
create trigger safeguarding_sac_enquiries_updated after update on safeguarding_enquiry
    referencing new table as new_rows old table as old_rows
    for each statement execute function safeguarding_sac_enquiries_written();
create trigger safeguarding_sac_enquiries_deleted after delete on safeguarding_enquiry
    referencing old table as old_rows for each statement execute function safeguarding_sac_enquiries_written();

-- the rows of the cases already recorded
do $$ begin
    perform safeguarding_sac_refresh(array(select distinct safeguarding_sac_person(adult_reference, id) from safeguarding_concern));
end $$;
