-- Each CQC location's ratings as the risk model reads them: the latest rating of each key
-- question and the whole overall history, newest first. Kept in step with cqc_rating by
-- statement triggers (inserts from imports and the demo's COPY, corrections in place), so
-- that recomputing every service's risk reads one row per location instead of aggregating
-- the full rating history (800,000 rows nationally) each time.

create table cqc_location_rating (
    cqc_location_id  varchar(20) primary key,
    safe             varchar(25),
    effective        varchar(25),
    caring           varchar(25),
    responsive       varchar(25),
    well_led         varchar(25),
    overall          text[]      not null,
    overall_on       date[]      not null
);

create function cqc_location_rating_refresh(locations varchar[]) returns void
    language sql as
$$
insert into cqc_location_rating (cqc_location_id, safe, effective, caring, responsive, well_led, overall, overall_on)
select cqc_location_id,
       (array_agg(rating order by published_on desc) filter (where key_question = 'SAFE'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'EFFECTIVE'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'CARING'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'RESPONSIVE'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'WELL_LED'))[1],
       coalesce(array_agg(rating order by published_on desc) filter (where key_question = 'OVERALL'), '{}'),
       coalesce(array_agg(published_on order by published_on desc) filter (where key_question = 'OVERALL'), '{}')
from cqc_rating
where cqc_location_id = any (locations)
group by cqc_location_id
on conflict (cqc_location_id) do update
    set safe = excluded.safe, effective = excluded.effective, caring = excluded.caring,
        responsive = excluded.responsive, well_led = excluded.well_led, overall = excluded.overall,
        overall_on = excluded.overall_on;
$$;

create function cqc_location_rating_changed() returns trigger
    language plpgsql as
$$
begin
    perform cqc_location_rating_refresh(array(select distinct cqc_location_id from changed));
    return null;
end
$$;

create trigger cqc_rating_inserted_summarised
    after insert on cqc_rating
    referencing new table as changed
    for each statement execute function cqc_location_rating_changed();

create trigger cqc_rating_updated_summarised
    after update on cqc_rating
    referencing new table as changed
    for each statement execute function cqc_location_rating_changed();

insert into cqc_location_rating (cqc_location_id, safe, effective, caring, responsive, well_led, overall, overall_on)
select cqc_location_id,
       (array_agg(rating order by published_on desc) filter (where key_question = 'SAFE'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'EFFECTIVE'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'CARING'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'RESPONSIVE'))[1],
       (array_agg(rating order by published_on desc) filter (where key_question = 'WELL_LED'))[1],
       coalesce(array_agg(rating order by published_on desc) filter (where key_question = 'OVERALL'), '{}'),
       coalesce(array_agg(published_on order by published_on desc) filter (where key_question = 'OVERALL'), '{}')
from cqc_rating
group by cqc_location_id;
