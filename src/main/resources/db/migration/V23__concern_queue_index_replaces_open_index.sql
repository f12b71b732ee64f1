-- The concern queue's covering index (V22) has the same keys and condition as the first open
-- concerns index, and more: with both, the planner kept choosing the narrower one and read every
-- open concern's row from the table.
drop index if exists concern_open_idx;
