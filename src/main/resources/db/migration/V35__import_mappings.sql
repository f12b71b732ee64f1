-- Files that are not CQC's own (a council's open-data extract, a spreadsheet kept by hand) are
-- imported through a mapping of their columns to the register's fields. The mapping is kept for
-- the next file with the same headers (the "source", named by its header signature), and the
-- import's report says what became of each row, including which provider it was matched to or
-- which provider it created.

create table import_mapping (
    signature     varchar(64)  not null,
    field         varchar(40)  not null,
    column_name   varchar(200) not null,
    saved_by_name varchar(254) not null,
    saved_at      timestamptz  not null,
    primary key (signature, field)
);

create table import_row_note (
    job_id      uuid         not null references import_job (id) on delete cascade,
    row_number  bigint       not null,
    location_id varchar(40),
    name        varchar(200),
    note        varchar(500) not null,
    primary key (job_id, row_number)
);

comment on table import_mapping is '[providers] Which column of a file from one source holds which field of the register.';
comment on table import_row_note is '[providers] What a mapped import did with each row (the provider matched or created).';
