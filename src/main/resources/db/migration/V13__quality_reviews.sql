-- Quality assurance reviews: the framework they are scored against (as data, in versions),
-- the reviews themselves with their findings, evidence, timeline and action plans, and the
-- officers' capacity that the annual programme balances.

-- The framework -----------------------------------------------------------------------------
create table qa_framework_version (
    id           uuid primary key,
    number       integer     not null unique,
    status       varchar(10) not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    notes        text,
    created_at   timestamptz not null,
    created_by   uuid,
    published_at timestamptz
);

-- At most one version in use and one being drafted at any time.
create unique index qa_framework_one_published on qa_framework_version ((true)) where status = 'PUBLISHED';
create unique index qa_framework_one_draft on qa_framework_version ((true)) where status = 'DRAFT';

create table qa_framework_domain (
    version_id   uuid         not null references qa_framework_version (id) on delete cascade,
    key          varchar(30)  not null,
    position     integer      not null,
    name         varchar(120) not null,
    weight       integer      not null check (weight between 1 and 10),
    -- a Poor standard in this domain caps the overall rating at Requires improvement
    caps_overall boolean      not null default false,
    primary key (version_id, key)
);

create table qa_framework_standard (
    version_id        uuid          not null,
    key               varchar(40)   not null,
    domain_key        varchar(30)   not null,
    position          integer       not null,
    name              varchar(120)  not null,
    prompts           text          not null,
    evidence          text          not null,
    cqc_key_questions varchar(20)[] not null,
    cqc_statements    text          not null,
    weight            integer       not null check (weight between 1 and 10),
    primary key (version_id, key),
    foreign key (version_id, domain_key) references qa_framework_domain (version_id, key) on delete cascade
);

insert into qa_framework_version (id, number, status, notes, created_at, published_at)
values ('6f1c7a52-0000-4000-8000-000000000001', 1, 'PUBLISHED',
        'PAMMS-style framework: 5 domains and 16 standards, each standard equally weighted.', now(), now());

insert into qa_framework_domain (version_id, key, position, name, weight, caps_overall) values
    ('6f1c7a52-0000-4000-8000-000000000001', 'INVOLVEMENT', 1, 'Involvement and information', 1, false),
    ('6f1c7a52-0000-4000-8000-000000000001', 'PERSONALISED_CARE', 2, 'Personalised care and support', 1, false),
    ('6f1c7a52-0000-4000-8000-000000000001', 'SAFETY', 3, 'Safeguarding and safety', 1, true),
    ('6f1c7a52-0000-4000-8000-000000000001', 'STAFFING', 4, 'Suitability of staffing', 1, false),
    ('6f1c7a52-0000-4000-8000-000000000001', 'MANAGEMENT', 5, 'Quality of management', 1, false);

insert into qa_framework_standard (version_id, key, domain_key, position, name, prompts, evidence, cqc_key_questions, cqc_statements, weight) values
    ('6f1c7a52-0000-4000-8000-000000000001', 'RESPECTING_AND_INVOLVING', 'INVOLVEMENT', 1, 'Respecting and involving people',
     E'Are people treated with dignity and respect, and involved in decisions about their care?\nDo people get information they can understand about the service and their choices?\nAre people''s privacy, culture and faith respected?',
     E'Conversations with people using the service and their families.\nObservation of interactions between staff and people.\nService user guide and information in accessible formats.\nResidents'' or tenants'' meeting minutes.',
     '{CARING,RESPONSIVE}', E'Kindness, compassion and dignity\nTreating people as individuals\nIndependence, choice and control\nProviding information', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'CONSENT', 'INVOLVEMENT', 2, 'Consent to care and support',
     E'Is consent sought before care is given, and recorded?\nWhere someone may lack capacity, are Mental Capacity Act assessments and best-interest decisions made and recorded?\nAre Deprivation of Liberty Safeguards applications made and their conditions met?',
     E'Care records showing consent.\nMental capacity assessments and best-interest decisions.\nDoLS applications, authorisations and conditions.\nStaff training records for the Mental Capacity Act.',
     '{EFFECTIVE}', E'Consent to care and treatment', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'CARE_AND_WELFARE', 'PERSONALISED_CARE', 3, 'Care and welfare of people',
     E'Are people''s needs assessed and their support planned with them?\nAre care plans followed, reviewed and kept up to date?\nAre risks such as falls, pressure damage and choking assessed and managed?\nFor home care: are visits on time and of the agreed length?',
     E'Care and support plans and their reviews.\nRisk assessments (falls, skin integrity, moving and handling).\nDaily notes and visit logs (electronic call monitoring for home care).\nOutcome of referrals to health professionals.',
     '{EFFECTIVE,RESPONSIVE,SAFE}', E'Assessing needs\nPerson-centred care\nInvolving people to manage risks\nMonitoring and improving outcomes', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'NUTRITION', 'PERSONALISED_CARE', 4, 'Meeting nutritional needs',
     E'Do people have enough to eat and drink, with choice and support where needed?\nAre weight and fluid intake monitored where there is a risk?\nAre special diets and cultural preferences met?',
     E'Menus and observation of a mealtime.\nMalnutrition screening (MUST) and weight records.\nFood and fluid charts where needed.\nSpeech and language therapy guidance followed.',
     '{EFFECTIVE,CARING}', E'Supporting people to live healthier lives\nTreating people as individuals', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'COOPERATING_WITH_PROVIDERS', 'PERSONALISED_CARE', 5, 'Co-operating with other providers',
     E'Does the service work with GPs, district nurses, hospitals and social workers so that care is joined up?\nIs information shared safely when people move between services?',
     E'Hospital passports and transfer information.\nRecords of professional visits and advice followed.\nFeedback from health and social care professionals.',
     '{EFFECTIVE,RESPONSIVE}', E'How staff, teams and services work together\nCare provision, integration and continuity\nPartnerships and communities', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'SAFEGUARDING', 'SAFETY', 6, 'Safeguarding people from abuse',
     E'Do staff know how to recognise and report abuse and neglect?\nAre safeguarding concerns raised with the council promptly and learnt from?\nAre people''s money and belongings protected?\nAre restrictive practices minimised and recorded?',
     E'Safeguarding policy and log of alerts raised.\nStaff training and conversations with staff about reporting.\nFinancial records and receipts for people''s money.\nIncident and restraint records.',
     '{SAFE}', E'Safeguarding\nLearning culture', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'INFECTION_CONTROL', 'SAFETY', 7, 'Cleanliness and infection control',
     E'Is the environment clean and are infection control procedures followed?\nAre staff trained and equipped with personal protective equipment?\nAre outbreaks managed and reported?',
     E'Cleaning schedules and audits.\nInfection control policy and outbreak records.\nObservation of hand hygiene and PPE use.\nLaundry and waste arrangements.',
     '{SAFE}', E'Infection prevention and control', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'MEDICINES', 'SAFETY', 8, 'Management of medicines',
     E'Are medicines ordered, stored, given and recorded safely?\nAre "as required" medicines and covert administration properly authorised?\nAre medication errors reported and learnt from?',
     E'Medication administration records (MAR) sampled.\nStorage temperatures and controlled drugs register.\nMedication audits and error reports.\nStaff competency checks.',
     '{SAFE}', E'Medicines optimisation', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'PREMISES', 'SAFETY', 9, 'Safety and suitability of premises',
     E'Are the premises safe, secure, accessible and suitable for the people living or visiting there?\nAre fire safety and environmental risks managed?',
     E'Fire risk assessment, drills and equipment checks.\nGas, electrical and water safety certificates (legionella).\nWalk-round of the premises.\nPersonal emergency evacuation plans.',
     '{SAFE}', E'Safe environments', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'EQUIPMENT', 'SAFETY', 10, 'Safety, availability and suitability of equipment',
     E'Is equipment such as hoists, slings, beds and pressure-relieving mattresses available, suitable and maintained?\nAre staff trained to use it?',
     E'Servicing records (LOLER and PUWER).\nSling and mattress checks.\nObservation of moving and handling.',
     '{SAFE}', E'Safe environments\nSafe systems, pathways and transitions', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'REQUIREMENTS_FOR_WORKERS', 'STAFFING', 11, 'Requirements relating to workers',
     E'Are staff recruited safely, with references and DBS checks before they start?\nDo staff have the right to work and the qualifications the role needs?',
     E'A sample of staff files: application, references, DBS, right to work.\nRecruitment policy.',
     '{SAFE,WELL_LED}', E'Safe and effective staffing', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'STAFFING', 'STAFFING', 12, 'Staffing',
     E'Are there enough staff, with the right skills, on every shift?\nHow much agency staff is used, and how are they inducted?\nFor home care: are rotas realistic, with travel time?',
     E'Rotas for the last four weeks against assessed dependency.\nAgency use and staff turnover figures.\nCall monitoring data for home care.',
     '{SAFE}', E'Safe and effective staffing', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'SUPPORTING_STAFF', 'STAFFING', 13, 'Supporting staff',
     E'Do staff get induction, training, supervision and appraisal?\nDo staff feel able to raise concerns?',
     E'Training matrix and induction records (Care Certificate).\nSupervision and appraisal records.\nConversations with staff; whistleblowing policy.',
     '{EFFECTIVE,WELL_LED,CARING}', E'Workforce wellbeing and enablement\nFreedom to speak up\nCapable, compassionate and inclusive leaders', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'MONITORING_QUALITY', 'MANAGEMENT', 14, 'Assessing and monitoring the quality of service provision',
     E'Is there a registered manager in post, and is the service well led?\nDoes the provider audit quality and act on what it finds?\nDoes it notify CQC and the council of incidents as required?',
     E'Quality audits and the actions taken from them.\nNotifications to CQC and the council.\nSurveys of people, relatives and staff, and the response to them.\nBusiness continuity plan.',
     '{WELL_LED}', E'Governance, management and sustainability\nLearning, improvement and innovation\nShared direction and culture', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'COMPLAINTS', 'MANAGEMENT', 15, 'Complaints',
     E'Do people know how to complain, and are complaints handled fairly and on time?\nAre lessons learnt and shared?',
     E'Complaints policy in accessible formats.\nComplaints log with responses and outcomes.\nCompliments received.',
     '{RESPONSIVE}', E'Listening to and involving people', 1),
    ('6f1c7a52-0000-4000-8000-000000000001', 'RECORDS', 'MANAGEMENT', 16, 'Records',
     E'Are records accurate, complete, kept securely and available when needed?\nDoes the provider meet data protection requirements?',
     E'A sample of care records, daily notes and charts.\nRecord storage and access arrangements.\nData protection and security toolkit status.',
     '{WELL_LED}', E'Governance, management and sustainability', 1);

-- Reviews -------------------------------------------------------------------------------------
create sequence qa_review_number;

create table qa_review (
    id                         uuid primary key,
    version                    integer      not null,
    reference                  varchar(20)  not null unique,
    care_service_id            uuid         not null references care_service (id),
    provider_id                uuid         not null references provider (id),
    framework_version_id       uuid         not null references qa_framework_version (id),
    kind                       varchar(12)  not null check (kind in ('ANNUAL', 'RISK_BASED', 'FOLLOW_UP')),
    status                     varchar(25)  not null check (status in ('PLANNED', 'EVIDENCE', 'DRAFT',
        'FACTUAL_ACCURACY', 'DISPUTE_REVIEW', 'ACTION_PLAN_DUE', 'ACTION_PLAN_SUBMITTED', 'FOLLOW_UP', 'CLOSED',
        'CANCELLED')),
    planned_for                date         not null,
    officer_id                 uuid,
    follows_review_id          uuid references qa_review (id),
    visit_started_on           date,
    visit_ended_on             date,
    announced                  boolean,
    people_spoken_to           text,
    documents_requested        text,
    summary                    text,
    overall_rating             varchar(25),
    overall_percent            numeric(5, 1),
    sent_to_provider_at        timestamptz,
    comments_due_on            date,
    provider_responded_at      timestamptz,
    provider_challenged        boolean,
    dispute_decided_by         uuid,
    dispute_decided_at         timestamptz,
    dispute_summary            text,
    published_at               timestamptz,
    published_on               date,
    previous_rating            varchar(25),
    action_plan_due_on         date,
    action_plan_submitted_at   timestamptz,
    action_plan_approved_at    timestamptz,
    action_plan_returned       text,
    follow_up_due_on           date,
    follow_up_review_id        uuid,
    closed_at                  timestamptz,
    cancelled_reason           text,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null
);

-- A service has at most one review being carried out at a time (two officers accepting the
-- same proposal at once cannot plan it twice).
create unique index qa_review_one_in_progress on qa_review (care_service_id)
    where status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW');
create index qa_review_service_idx on qa_review (care_service_id, published_on);
create index qa_review_visit_idx on qa_review (care_service_id, visit_ended_on) where status <> 'CANCELLED';
create index qa_review_status_idx on qa_review (status, planned_for);
create index qa_review_officer_idx on qa_review (officer_id, status);
create index qa_review_provider_idx on qa_review (provider_id, status);

-- One finding per standard of the review's framework version: the officer's rating and
-- findings, the provider's factual-accuracy comment and the senior officer's decision on it.
create table qa_finding (
    review_id            uuid         not null references qa_review (id) on delete cascade,
    standard_key         varchar(40)  not null,
    rating               varchar(25),
    findings             text,
    provider_comment     text,
    provider_commented_at timestamptz,
    dispute_outcome      varchar(12) check (dispute_outcome in ('UPHELD', 'NOT_UPHELD')),
    dispute_response     text,
    rating_before_dispute varchar(25),
    primary key (review_id, standard_key)
);

-- Evidence gathered for a standard: notes, observations and documents. Append-only.
create table qa_evidence (
    id            uuid primary key,
    review_id     uuid         not null references qa_review (id) on delete cascade,
    standard_key  varchar(40)  not null,
    kind          varchar(12)  not null check (kind in ('NOTE', 'OBSERVATION', 'DOCUMENT')),
    text          text,
    document_id   uuid references document (id),
    recorded_by   uuid,
    recorded_at   timestamptz  not null
);
create index qa_evidence_review_idx on qa_evidence (review_id, standard_key, recorded_at);

-- The provider's action plan: at least one action for each standard rated below Good.
create table qa_action (
    id                   uuid primary key,
    review_id            uuid         not null references qa_review (id) on delete cascade,
    standard_key         varchar(40)  not null,
    position             integer      not null,
    description          text         not null,
    owner                varchar(200) not null,
    due_on               date         not null,
    completed_on         date,
    completion_note      text,
    evidence_document_id uuid references document (id),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
create index qa_action_review_idx on qa_action (review_id, standard_key, position);

-- What happened to a review and who did it, in order.
create table qa_review_event (
    id          bigserial primary key,
    review_id   uuid         not null references qa_review (id) on delete cascade,
    happened_at timestamptz  not null,
    actor_id    uuid,
    actor_name  varchar(200),
    from_status varchar(25),
    to_status   varchar(25)  not null,
    note        text
);
create index qa_review_event_review_idx on qa_review_event (review_id, happened_at);

-- How many reviews each officer can take on in a month, for the annual programme.
create table qa_officer_capacity (
    user_id           uuid primary key,
    reviews_per_month integer not null check (reviews_per_month between 0 and 60)
);
