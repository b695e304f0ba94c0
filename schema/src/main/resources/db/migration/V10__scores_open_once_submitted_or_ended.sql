-- Interviewers score blind: each sees only their own scores and recommendation until everyone who
-- scored or drafted one has submitted (the room's rule, RoomState.revealed), or the session has
-- ended. Review, exports, the scores CSV, candidate histories and the bank's statistics read
-- scores and recommendations only of sessions for which this holds, so none of them shows a
-- colleague's score while it is still hidden in the room.
create function scores_open(uuid) returns boolean language sql stable as $$
  select exists (select 1 from sessions s where s.id = $1 and s.status = 'ended')
      or not exists (
           select 1
             from (select account_id from scores where session_id = $1
                   union select account_id from recommendations where session_id = $1) scorer
            where not exists (select 1 from recommendations r
                               where r.session_id = $1 and r.account_id = scorer.account_id and r.submitted_at is not null))
$$;
