-- Tokens with which a provider's own systems use CareCycle's API (KPI returns). Only a
-- SHA-256 hash of each token is kept: the token itself is shown once, when it is made.
create table api_token (
    id            uuid primary key,
    provider_id   uuid         not null references provider (id),
    name          varchar(100) not null,
    token_hash    char(64)     not null unique,
    token_prefix  varchar(12)  not null,
    created_by    uuid         not null references app_user (id),
    created_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    uuid references app_user (id)
);

create index api_token_provider_idx on api_token (provider_id);
