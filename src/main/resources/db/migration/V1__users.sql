-- People who sign in to CareCycle. One role each; provider users belong to one provider
-- organisation (provider_id), council staff to none.
create table app_user (
    id                   uuid primary key,
    version              integer      not null,
    email                varchar(254) not null,
    display_name         varchar(200) not null,
    password_hash        varchar(200),
    role                 varchar(30)  not null
        check (role in ('ADMIN', 'COMMISSIONER', 'QA_OFFICER', 'SAFEGUARDING_LEAD', 'CASE_MANAGER', 'PROVIDER')),
    provider_id          uuid,
    enabled              boolean      not null,
    must_change_password boolean      not null,
    created_at           timestamptz  not null,
    -- Written by sign-in, not by the aggregate, so a sign-in never races an administrator's edit.
    last_signed_in_at    timestamptz,
    constraint app_user_email_is_lower_case check (email = lower(email)),
    constraint app_user_provider_users_have_a_provider check ((role = 'PROVIDER') = (provider_id is not null))
);

create unique index app_user_email_key on app_user (email);
create index app_user_provider_idx on app_user (provider_id) where provider_id is not null;

-- Failed sign-ins, by email address and by client address, for throttling. Kept in the
-- database so the limit holds across restarts and across application instances.
create table sign_in_failure (
    id        bigint generated always as identity primary key,
    subject   varchar(300) not null,
    failed_at timestamptz  not null
);

create index sign_in_failure_subject_idx on sign_in_failure (subject, failed_at);
