-- Legal hold (ADR 0018, "Legal hold"): a safeguarding lead or an administrator can keep a concern
-- out of the retention rule while a police investigation, an inquest or a claim needs it. The
-- columns say why, who placed the hold and since when; all three are empty when there is none.
-- Placing and lifting are on the concern's timeline and in the audit log.
alter table concern
    add column legal_hold_reason varchar(500),
    add column legal_hold_by     uuid,
    add column legal_hold_since  timestamptz,
    add constraint concern_legal_hold_whole
        check ((legal_hold_since is null and legal_hold_reason is null and legal_hold_by is null)
            or (legal_hold_since is not null and legal_hold_reason is not null and legal_hold_by is not null));

-- The retention rule's question now leaves held concerns out; the index it uses follows.
drop index if exists concern_retention_idx;
create index concern_retention_idx on concern (closed_at)
    where status = 'CLOSED' and anonymised_on is null and legal_hold_since is null;
