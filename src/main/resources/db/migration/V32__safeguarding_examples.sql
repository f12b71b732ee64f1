-- Example sentences administrators add to the safeguarding screen's meaning layer, from a
-- concern ("flag reports like this") or typed in. The examples shipped with CareCycle are
-- in the application (safeguarding/corpus/examples.csv); these are the council's own.
create table safeguarding_example (
    id              uuid primary key,
    example_text    varchar(500) not null,
    abuse_type      varchar(30)  not null,
    enabled         boolean      not null default true,
    from_concern_id uuid         references concern (id) on delete set null,
    added_by        uuid         not null,
    added_at        timestamptz  not null,
    unique (example_text)
);

comment on table safeguarding_example is '[concerns] The council''s own example sentences for the safeguarding screen''s meaning layer, each with its type of risk.';

-- Starting an example from a concern shows what the concern says: that is a read of it too.
alter table concern_access drop constraint concern_access_page_check;
alter table concern_access add constraint concern_access_page_check
    check (page in ('CONCERN', 'ASSESSMENT', 'RESPONSE_DOCUMENT', 'PROVIDER_REQUEST', 'PROVIDER_DOCUMENT',
                    'SAFEGUARDING_EXAMPLE'));
