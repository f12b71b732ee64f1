-- Refreshing services' current rating after ratings are inserted: look up each inserted
-- location's latest overall rating through the rating index, rather than letting the planner
-- (which knows nothing of a transition table's size) scan the whole rating history once per
-- statement. Loading 800,000 ratings in batches was quadratic with the first version.

create or replace function cqc_ratings_refresh_services() returns trigger
    language plpgsql as
$$
begin
    update care_service s
    set cqc_overall = latest.rating, cqc_overall_on = latest.published_on
    from (select distinct i.cqc_location_id from inserted i where i.key_question = 'OVERALL') changed
    cross join lateral (select r.rating, r.published_on
                        from cqc_rating r
                        where r.cqc_location_id = changed.cqc_location_id and r.key_question = 'OVERALL'
                        order by r.published_on desc
                        limit 1) latest
    where s.cqc_location_id = changed.cqc_location_id
      and (s.cqc_overall is distinct from latest.rating or s.cqc_overall_on is distinct from latest.published_on);
    return null;
end
$$;

-- Searching the register: a service is found by its name, its provider's name, its postcode or
-- its CQC location id. The names are kept together, in lower case, on the service (triggers keep
-- them in step when either changes) with a trigram index, so that a search for a rare name reads
-- a few index pages rather than every service in England; postcodes get a prefix index.
create extension if not exists pg_trgm;

alter table care_service add column search_text text;

update care_service s
set search_text = lower(s.name || ' ' || p.name)
from provider p
where p.id = s.provider_id;

create function care_service_search_text() returns trigger
    language plpgsql as
$$
begin
    select lower(new.name || ' ' || p.name) into new.search_text from provider p where p.id = new.provider_id;
    return new;
end
$$;

create trigger care_service_search_text
    before insert or update of name, provider_id on care_service
    for each row execute function care_service_search_text();

create function provider_name_to_services() returns trigger
    language plpgsql as
$$
begin
    update care_service set search_text = lower(name || ' ' || new.name) where provider_id = new.id;
    return null;
end
$$;

create trigger provider_name_to_services
    after update of name on provider
    for each row when (old.name is distinct from new.name)
    execute function provider_name_to_services();

create index care_service_search_trgm on care_service using gin (search_text gin_trgm_ops);
create index care_service_postcode_idx on care_service (replace(postcode, ' ', '') text_pattern_ops);
create index provider_name_trgm on provider using gin (lower(name) gin_trgm_ops);

-- A rating corrected in place (the same location, question and date) refreshes services too.
create trigger cqc_rating_changes_refresh_services
    after update on cqc_rating
    referencing new table as inserted
    for each statement execute function cqc_ratings_refresh_services();
