-- Deleting or changing a concern checks whether another concern is a repeat of it; without an
-- index that is a scan of every concern (slow once there are millions).
create index concern_duplicate_of_idx on concern (duplicate_of) where duplicate_of is not null;
