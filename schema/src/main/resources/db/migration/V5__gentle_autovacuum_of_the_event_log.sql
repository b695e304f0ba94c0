-- session_events takes every keystroke (thousands of rows a second under load) and is never
-- updated. Autovacuum's first pass over it (VACUUM ANALYZE, a minute into a busy start) set
-- visibility bits on every page at once: a burst of page writes and WAL that the event log's
-- commits — every participant's keystrokes — waited behind, for a few hundred milliseconds.
-- Ten times the default pause between its rounds of work spreads the same work out; it still
-- keeps up, since an append-only table leaves no dead rows to reclaim.
alter table session_events set (autovacuum_vacuum_cost_delay = 20);

-- The planner never filters on the payload column itself (reviews reach into it only through
-- the expression index of V2, which has its own statistics): ANALYZE can skip sampling the JSON.
alter table session_events alter column payload set statistics 0;
