-- Either partner may leave a practice pairing (its page's "Leave this pairing"): it is no longer
-- shown to them, and they may ask for a partner again. The pairing's sessions stay as they are —
-- ordinary sessions, listed with the others, ended from their room.
alter table practice_pairings add column first_left_at timestamptz, add column second_left_at timestamptz;
