-- Email waiting to be sent, or sent: the transactional outbox. A module inserts a row in the
-- same transaction as the change that calls for the email, so the intent to send commits or
-- rolls back with the change; a sender delivers rows afterwards and marks them sent.
create table mail_outbox (
    id              uuid primary key,
    -- what the caller means by "this email": queuing the same key twice sends once
    dedupe_key      varchar(200)  not null unique,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body            text          not null,
    created_at      timestamptz   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    sent_at         timestamptz,
    last_error      varchar(1000)
);

-- The sender's question every few seconds: what is due and not yet sent?
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;

-- The administrators' list, newest first.
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);
