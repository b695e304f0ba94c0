-- Which node owns each live room of a cluster, and under which claim. Every claim (a node taking
-- the room, after a failover or a reload) bumps the epoch, and in cluster mode an event is
-- written only while its room's epoch is still the one its owner claimed (session_events inserts
-- lock this row FOR SHARE and re-check it): an owner that lost the room — paused, cut off — cannot
-- write a single event after the new owner's claim committed, and the new owner loads the room
-- only after that, so it sees everything the old owner wrote.
create table room_owners (
  session_id  uuid primary key references sessions (id) on delete cascade,
  epoch       bigint not null check (epoch >= 1),
  node        text not null,
  claimed_at  timestamptz not null default now()
);
