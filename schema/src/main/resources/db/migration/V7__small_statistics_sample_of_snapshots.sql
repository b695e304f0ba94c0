-- Like V6 for the event log: autovacuum re-analyzes document_snapshots each time it grows by a
-- tenth (a busy server adds dozens of snapshots a second), and at the default target ANALYZE
-- reads and sorts 30,000 of its rows — ~175 ms of CPU on 30,000 snapshots, taken from the core
-- that commits every keystroke; a ten-minute benchmark run had its worst moment as one began
-- (docs/performance.md, "A longer run"). Snapshots are only ever read by their primary key (a
-- document's latest one), so the planner needs no more than the table's size: a target of 10,
-- 3,000 sampled rows, ~35 ms; and no statistics at all on the answer's text, never compared.
alter table document_snapshots alter column session_id set statistics 10;
alter table document_snapshots alter column document_id set statistics 10;
alter table document_snapshots alter column doc_version set statistics 10;
alter table document_snapshots alter column log_version set statistics 10;
alter table document_snapshots alter column created_at set statistics 10;
alter table document_snapshots alter column text set statistics 0;
