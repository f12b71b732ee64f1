-- Performance monitoring: the KPIs the council asks providers to return for each type of
-- service, with their tolerances and how often they are due, and the returns themselves.

create table kpi (
    id               uuid primary key,
    version          integer       not null,
    code             varchar(40)   not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name             varchar(200)  not null,
    hint             varchar(500),
    unit             varchar(10)   not null check (unit in ('NUMBER', 'PERCENT')),
    frequency        varchar(10)   not null check (frequency in ('MONTHLY', 'QUARTERLY')),
    service_types    text[]        not null check (cardinality(service_types) > 0),
    -- Tolerances compare the value per bed, place or 100 weekly hours when set.
    per_capacity     boolean       not null,
    highest          numeric(12, 2) not null check (highest > 0),
    tolerance_above  numeric(12, 2),
    tolerance_below  numeric(12, 2),
    active           boolean       not null,
    -- Returns are due for periods that end on or after this date.
    applies_from     date          not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null
);

-- One return per service and period: every KPI of that frequency for the service's type.
create table kpi_return (
    id                 uuid primary key,
    care_service_id    uuid          not null references care_service (id),
    provider_id        uuid          not null references provider (id),
    frequency          varchar(10)   not null check (frequency in ('MONTHLY', 'QUARTERLY')),
    period_start       date          not null,
    period_end         date          not null,
    due_on             date          not null,
    -- The values by KPI code, as numbers; and the codes that were out of tolerance when sent.
    kpi_values         jsonb         not null,
    breaches           text[]        not null,
    late               boolean       not null,
    channel            varchar(10)   not null check (channel in ('PORTAL', 'UPLOAD', 'API', 'DEMO')),
    submitted_at       timestamptz   not null,
    submitted_by       uuid,
    submitted_by_name  varchar(200)  not null,
    constraint kpi_return_one_per_period unique (care_service_id, frequency, period_start)
);

create index kpi_return_period_idx on kpi_return (frequency, period_start);
create index kpi_return_provider_idx on kpi_return (provider_id, period_start);

-- The council's starting set, due from the month this version is installed.
insert into kpi (id, version, code, name, hint, unit, frequency, service_types, per_capacity, highest,
                 tolerance_above, tolerance_below, active, applies_from, created_at, updated_at)
select gen_random_uuid(), 0, code, name, hint, unit, frequency, types, per_capacity, highest, above, null, true,
       date_trunc('month', current_date)::date, now(), now()
from (values
    ('BEDS_VACANT', 'Beds or places vacant at the end of the month', 'How many beds or places could take someone new on the last day of the month',
     'NUMBER', 'MONTHLY', array['CARE_HOME_NURSING', 'CARE_HOME', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES', 'DAY_SERVICE'], false, 10000, null),
    ('STAFF_VACANCY_RATE', 'Staff vacancy rate', 'Vacant care posts as a percentage of all care posts, on the last day of the month',
     'PERCENT', 'MONTHLY', array['CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES', 'DAY_SERVICE'], false, 100, 12),
    ('AGENCY_USE', 'Agency staff use', 'Hours worked by agency staff as a percentage of all care hours worked in the month',
     'PERCENT', 'MONTHLY', array['CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'DAY_SERVICE'], false, 100, 15),
    ('MEDICATION_ERRORS', 'Medication errors', 'Medication errors recorded in the month, whether or not anyone was harmed',
     'NUMBER', 'MONTHLY', array['CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE', 'SUPPORTED_LIVING', 'EXTRA_CARE'], true, 10000, 0.15),
    ('FALLS', 'Falls', 'Falls recorded in the month, with or without injury',
     'NUMBER', 'MONTHLY', array['CARE_HOME_NURSING', 'CARE_HOME'], true, 10000, 0.3),
    ('MISSED_VISITS', 'Missed visits', 'Planned visits that did not happen in the month',
     'NUMBER', 'MONTHLY', array['HOME_CARE'], true, 10000, 0.5),
    ('LATE_VISITS', 'Late visits', 'Visits that started more than 30 minutes after the planned time, as a percentage of all visits in the month',
     'PERCENT', 'MONTHLY', array['HOME_CARE'], false, 100, 10),
    ('STAFF_TURNOVER', 'Staff turnover', 'Care staff who left in the quarter as a percentage of care staff at its start',
     'PERCENT', 'QUARTERLY', array['CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'DAY_SERVICE'], false, 100, 10),
    ('COMPLAINTS', 'Complaints received', 'Complaints received by the service in the quarter',
     'NUMBER', 'QUARTERLY', array['CARE_HOME_NURSING', 'CARE_HOME', 'HOME_CARE', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES', 'DAY_SERVICE'], true, 10000, 0.2),
    ('HOSPITAL_ADMISSIONS', 'Unplanned hospital admissions', 'Residents admitted to hospital as an emergency in the quarter',
     'NUMBER', 'QUARTERLY', array['CARE_HOME_NURSING', 'CARE_HOME'], true, 10000, 0.25)
) as seed(code, name, hint, unit, frequency, types, per_capacity, highest, above);
