-- The event log is the hot path: thousands of inserts a second, one per keystroke. Its foreign
-- key to sessions made Postgres run a referential check for every row — a lookup plus a row lock
-- on the session (FOR KEY SHARE), which writes the session's tuple and WAL for each event.
-- Events are only ever written by the live room of a session that exists (the room is loaded
-- from that row), so the key adds no safety here. Deleting a session must now delete its events
-- itself (nothing deletes sessions today).
alter table session_events drop constraint session_events_session_id_fkey;
