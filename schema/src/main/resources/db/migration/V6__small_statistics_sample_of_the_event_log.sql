-- ANALYZE reads 300 rows per unit of the largest statistics target among a table's columns and
-- its index expressions: 30,000 rows of session_events by default, which autovacuum re-reads and
-- sorts each time the log grows by a tenth — on a busy server, a second of CPU every so often,
-- taken from the core that commits every keystroke (docs/performance.md, "Autovacuum's ANALYZE").
-- No plan here needs fine statistics: reads of the log go by its primary key (one session's events)
-- or by the partial index of V2 (question pushes), whatever the numbers say. A target of 10 —
-- 3,000 sampled rows — still gives the planner a table size, the common event types and a rough
-- count of sessions.
alter table session_events alter column session_id set statistics 10;
alter table session_events alter column version set statistics 10;
alter table session_events alter column type set statistics 10;
alter table session_events alter column participant_id set statistics 10;
alter table session_events alter column created_at set statistics 10;
alter index session_events_question_pushed alter column 1 set statistics 10;
