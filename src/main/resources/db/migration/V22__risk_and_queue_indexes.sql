-- Covering indexes for the risk profile's one-query gather of every service's signals, so
-- that each part reads a narrow index instead of the wide tables (2 million concerns, 120,000
-- reviews, a million KPI returns nationally): the last year's concerns, each service's
-- published review ratings in order, and the two latest months' KPI returns.
create index concern_recent_risk_idx on concern (received_at)
    include (care_service_id, kind, action, safeguarding_flag, duplicate_of);
create index qa_review_published_rating_idx on qa_review (care_service_id, published_at desc)
    include (overall_rating) where published_at is not null;
create index kpi_return_risk_idx on kpi_return (frequency, period_start)
    include (care_service_id, breaches, late);

-- The concern queue's open concerns with every column its ordering and tab counts read, so
-- the queue sorts tens of thousands of open concerns from the index alone and then reads the
-- 25 rows it shows.
create index concern_queue_idx on concern (status, received_at)
    include (id, reference, safeguarding_flag, urgent, acknowledged_at, acknowledge_by, assessed_at, assess_by, kind,
             assigned_to)
    where status <> 'CLOSED';
