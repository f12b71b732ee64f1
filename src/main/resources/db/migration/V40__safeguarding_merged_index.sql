-- The Safeguarding Adults Collection return (ADR 0034). A concern merged into another points at
-- it (merged_into); without an index, deleting or merging a concern made PostgreSQL read every
-- concern to check that none pointed at it, which took the bench's clean-up of a national year
-- (600,000 concerns) from seconds to hours. Few concerns are merged, so the index holds only them.
create index safeguarding_concern_merged_into_idx on safeguarding_concern (merged_into) where merged_into is not null;
-- The return counts the enquiries that commenced in the year (SG1) by when they were opened.
create index safeguarding_enquiry_opened_idx on safeguarding_enquiry (opened_at);
