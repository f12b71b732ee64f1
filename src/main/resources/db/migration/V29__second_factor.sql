-- A second factor for password sign-in (ADR 0023): an authenticator app's key, encrypted,
-- and ten one-time recovery codes, hashed.
create table second_factor (
    user_id        uuid primary key references app_user (id) on delete cascade,
    key_encrypted  varchar(500) not null,
    -- the last RFC 6238 time step whose code was accepted, so that no code is used twice
    last_used_step bigint,
    set_up_at      timestamptz  not null
);

create table second_factor_recovery_code (
    user_id   uuid        not null references second_factor (user_id) on delete cascade,
    code_hash varchar(64) not null,
    primary key (user_id, code_hash)
);

-- The key that encrypts the authenticator keys when none is configured (demo and embedded runs
-- only; the production profile refuses to start without carecycle.second-factor.encryption-key).
create table second_factor_generated_key (
    id         integer primary key check (id = 1),
    secret     varchar(200) not null,
    created_at timestamptz  not null
);

comment on table second_factor is '[identity] Authenticator app keys (encrypted) for the second sign-in step.';
comment on table second_factor_recovery_code is '[identity] One-time recovery codes for the second sign-in step, hashed.';
comment on table second_factor_generated_key is '[identity] The generated encryption key for authenticator keys, when none is configured (demo and embedded runs).';
