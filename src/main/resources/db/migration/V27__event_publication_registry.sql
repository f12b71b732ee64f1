-- Spring Modulith's event publication registry (its version 2 schema for PostgreSQL): an event
-- that a module listener in another module must act on is written here in the transaction
-- that raised it, marked complete when the listener has done its work, and deleted then
-- (spring.modulith.events.completion-mode=delete). What stays is work not yet done: retried,
-- and listed for administrators at /admin/events (ADR 0021).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

comment on table event_publication is '[database] Spring Modulith''s event publication registry: events between modules whose listeners have not finished.';
