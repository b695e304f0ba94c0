-- A question its organisation removed from the bank. The row stays: plans, scores and notes of past
-- sessions refer to it (and a transcript keeps the text it asked in its own event log); it is no
-- longer found, listed, planned or pushed. Only questions interviewers wrote are removed this way;
-- imported ones follow their source documents.
alter table questions add column archived_at timestamptz;
