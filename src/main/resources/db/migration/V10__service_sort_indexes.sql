-- Sorting the national register by name, capacity or rating reads one page from an index
-- instead of sorting every service (the page's ids are found first; see Register.services).
drop index if exists care_service_name_idx;
create index care_service_name_idx on care_service (lower(name), id);
create index care_service_capacity_idx on care_service ((case when service_type in ('CARE_HOME', 'CARE_HOME_NURSING') then beds
                                                              when service_type = 'HOME_CARE' then weekly_hours else places end), id);
create index care_service_rating_rank_idx on care_service ((case cqc_overall when 'OUTSTANDING' then 1 when 'GOOD' then 2
                                                                 when 'REQUIRES_IMPROVEMENT' then 3 when 'INADEQUATE' then 4 end), id);
create index care_service_capacity_desc_idx on care_service ((case when service_type in ('CARE_HOME', 'CARE_HOME_NURSING') then beds
                                                                   when service_type = 'HOME_CARE' then weekly_hours else places end) desc nulls last, id);
create index care_service_rating_rank_desc_idx on care_service ((case cqc_overall when 'OUTSTANDING' then 1 when 'GOOD' then 2
                                                                      when 'REQUIRES_IMPROVEMENT' then 3 when 'INADEQUATE' then 4 end) desc nulls last, id);
