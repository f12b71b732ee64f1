-- Matching people to services (ADR 0039): the specialisms a service offers (the providers
-- module owns them, as they are the service's own attributes), its vacancies and
-- specialisms published on the providers' read side, an index for searching by type near a
-- place, and the case managers' shortlists.

alter table care_service add column specialisms text[] not null default '{}';
alter table care_service add column specialisms_changed_at timestamptz;

-- a search near a place reads the services of a few postcode districts, of one type, active
create index care_service_match_idx on care_service (postcode_district, service_type) where status = 'ACTIVE';

-- the columns are added at the end: the view keeps its earlier ones, so its readers are unchanged
create or replace view providers_service as
    select id, provider_id, cqc_location_id, name, service_type, client_groups, town, postcode,
           postcode_district, locality_id, latitude, longitude, beds, places, weekly_hours,
           registered_manager, status, registered_on, closed_on, cqc_overall, cqc_overall_on, search_text,
           vacancies, vacancies_reported_at, specialisms
    from care_service;
comment on view providers_service is '[providers, published] Care services: provider, type, size, place, status, CQC overall rating, the text a search for the service matches (search_text, lower case, with its trigram index), its latest report of vacancies and when, and its specialisms.';

create table matching_shortlist_entry (
    id              uuid primary key,
    owner_id        uuid        not null,
    care_service_id uuid        not null,
    -- why a service at high risk was shortlisted all the same (required then, else optional)
    reason          varchar(1000),
    -- what the search showed when it was shortlisted, so that the printout explains itself
    score           integer     not null check (score between 0 and 100),
    explanation     varchar(1000) not null,
    risk_warned     boolean     not null,
    added_at        timestamptz not null,
    unique (owner_id, care_service_id)
);
create index matching_shortlist_owner_idx on matching_shortlist_entry (owner_id, added_at);
comment on table matching_shortlist_entry is '[matching] Services a case manager or commissioner shortlisted from a needs-based search, with the score shown and the reason for choosing a service at high risk.';
