-- What area profiles (commissioning) read from the register and from oversight, published by
-- their owners as plain projections of one table each (ADR 0021), so that a profile's queries
-- plan as joins on the tables would, by the indexes on care_service (locality_id),
-- risk_profile (care_service_id) and escalation (care_service_id, provider_id).

create view providers_service_vacancy as
    select id as care_service_id, locality_id, vacancies, vacancies_reported_at
    from care_service;
comment on view providers_service_vacancy is '[providers, published] The vacancies each service last reported, and when: counts, never who fills them.';

create view oversight_risk_band as
    select care_service_id, score, band, computed_at
    from risk_profile;
comment on view oversight_risk_band is '[oversight, published] Each service''s current risk score and band, without its reasons.';

create view oversight_escalation_stage as
    select id, subject_kind, provider_id, care_service_id, stage, stage_since, next_review_on
    from escalation;
comment on view oversight_escalation_stage is '[oversight, published] Where each service or provider stands on the escalation ladder (SUSPENSION and CONTRACT_ACTION suspend new placements), without the evidence or decisions.';
