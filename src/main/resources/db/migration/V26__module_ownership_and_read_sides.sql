-- Every table belongs to one module, and another module reads it only through the views its
-- owner publishes here as its read side (or through the owner's Java API). The owner is the
-- first thing each comment says: "[module]" for a table, "[module, published]" for a view
-- another module may read. SqlOwnershipTests reads these comments and fails when SQL in one
-- module names a table, or a view not published, that another module owns. A migration that
-- creates a table or view says its owner the same way, in the same migration.
--
-- The views are plain projections (one table, or a join that keeps a row per row of the
-- table): PostgreSQL inlines them into the query that reads them, so a join through a view
-- plans exactly as the join on the table did, indexes and index-only scans included.

-- shared: the calendar every module counts working days with
comment on table bank_holiday is '[shared] England and Wales bank holidays, for counting working days.';

-- identity
comment on table app_user is '[identity] Accounts: staff and provider users, their role and organisation.';
comment on table sign_in_failure is '[identity] Failed sign-ins, for the throttle.';
comment on table audit_event is '[identity] The append-only audit log of every change.';
comment on table api_token is '[identity] Provider API tokens, stored as hashes.';

create view identity_user_name as
    select id, display_name, role
    from app_user;
comment on view identity_user_name is '[identity, published] The name and role of each account, to say who did something. No email, password or organisation.';

-- geography
comment on table locality is '[geography] The council''s localities (community network areas) and other local authorities.';
comment on table postcode_district is '[geography] Postcode district centroids and the locality each lies in.';

create view geography_locality as
    select id, code, name, kind
    from locality;
comment on view geography_locality is '[geography, published] Localities by id: code, name and kind.';

create view geography_postcode_district as
    select outcode, latitude, longitude, locality_id
    from postcode_district;
comment on view geography_postcode_district is '[geography, published] Postcode districts: centroid and locality.';

-- documents
comment on table document is '[documents] Uploaded files and their content.';

create view documents_document as
    select id, file_name, content_type, size_bytes, uploaded_at
    from document;
comment on view documents_document is '[documents, published] What a document is (name, type, size, when uploaded), never its content: that is read through Documents.';

-- mail
comment on table mail_outbox is '[mail] Email waiting to be sent, sent, or given up on.';

-- providers
comment on table provider_group is '[providers] Groups that own several providers.';
comment on table provider is '[providers] Providers (organisations) on the register.';
comment on table care_service is '[providers] Care services (CQC locations and others) on the register.';
comment on table provider_contact is '[providers] Named contacts at a provider.';
comment on table contract is '[providers] The council''s contracts with services.';
comment on table cqc_rating is '[providers] CQC''s published ratings, by key question and date.';
comment on view current_cqc_rating is '[providers] The latest CQC rating of each service and key question (for the register''s own pages).';
comment on table cqc_location_rating is '[providers] A summary per CQC location of its ratings, kept by a trigger.';
comment on table import_job is '[providers] CQC imports and their progress.';
comment on table import_rejection is '[providers] Rows an import refused, and why.';

create view providers_provider as
    select id, name, cqc_provider_id, ownership, group_id, town, postcode
    from provider;
comment on view providers_provider is '[providers, published] Providers: name, CQC id, ownership, group and town.';

create view providers_service as
    select id, provider_id, cqc_location_id, name, service_type, client_groups, town, postcode,
           postcode_district, locality_id, latitude, longitude, beds, places, weekly_hours,
           registered_manager, status, registered_on, closed_on, cqc_overall, cqc_overall_on, search_text
    from care_service;
comment on view providers_service is '[providers, published] Care services: provider, type, size, place, status, CQC overall rating, and the text a search for the service matches (search_text, lower case, with its trigram index).';

create view providers_contract as
    select id, reference, care_service_id, lot, framework, starts_on, ends_on, total_value, unit_price,
           price_unit, commissioned_capacity, contract_manager_id
    from contract;
comment on view providers_contract is '[providers, published] Contracts: the service, the dates, the price and the capacity commissioned.';

create view providers_cqc_location_rating as
    select cqc_location_id, safe, effective, caring, responsive, well_led, overall, overall_on
    from cqc_location_rating;
comment on view providers_cqc_location_rating is '[providers, published] Per CQC location: the latest rating of each key question, and the overall ratings newest first with their dates.';

-- concerns
comment on table concern is '[concerns] Compliments and concerns, with the reporter''s words and details.';
comment on table concern_event is '[concerns] The timeline of each concern.';
comment on table concern_provider_request is '[concerns] What a provider is asked about a concern, and its answer.';
comment on table concern_access is '[concerns] Who opened each concern (append-only).';
comment on table safeguarding_rule is '[concerns] The phrases that flag a concern as possible safeguarding.';
comment on table safeguarding_referral is '[concerns] Concerns referred to the safeguarding adults team.';

create view concerns_signal as
    select id, kind, channel, care_service_id, provider_id, received_at, status, safeguarding_flag,
           likelihood, impact, action, themes, duplicate_of, closed_at
    from concern;
comment on view concerns_signal is '[concerns, published] Each compliment or concern as a signal: when, about which service, how serious, what was done. Never what was said or who said it.';

create view concerns_safeguarding_referral as
    select r.id, r.concern_id, c.care_service_id, c.provider_id, r.status, r.created_at
    from safeguarding_referral r
    join concern c on c.id = r.concern_id;
comment on view concerns_safeguarding_referral is '[concerns, published] Safeguarding referrals: the concern, its service and provider, the status. Never the reasons.';

-- quality
comment on table qa_framework_version is '[quality] Versions of the quality assurance framework.';
comment on table qa_framework_domain is '[quality] Domains of a framework version.';
comment on table qa_framework_standard is '[quality] Standards of a framework domain.';
comment on table qa_review is '[quality] Quality assurance reviews of services.';
comment on table qa_finding is '[quality] A review''s finding for each standard.';
comment on table qa_evidence is '[quality] Evidence recorded in a review.';
comment on table qa_action is '[quality] Actions of a review''s action plan.';
comment on table qa_review_event is '[quality] The timeline of each review.';
comment on table qa_officer_capacity is '[quality] How many reviews each officer can take a month.';

create view quality_review as
    select id, reference, care_service_id, provider_id, kind, status, planned_for, officer_id, visit_ended_on,
           overall_rating, previous_rating, published_at, published_on
    from qa_review;
comment on view quality_review is '[quality, published] Reviews: the service, the stage, the dates and the rating once published.';

-- oversight
comment on table kpi is '[oversight] The key performance indicators services return.';
comment on table kpi_return is '[oversight] KPI returns sent by providers.';
comment on table escalation is '[oversight] Each service''s or provider''s place on the escalation ladder.';
comment on table escalation_decision is '[oversight] Decisions that moved an escalation.';
comment on table escalation_meeting is '[oversight] Meetings held about an escalation.';
comment on table risk_profile is '[oversight] The current risk score of each service and its reasons.';
comment on table risk_history is '[oversight] A service''s risk score day by day.';
comment on table early_warning is '[oversight] Early warnings raised and the decisions on them.';
