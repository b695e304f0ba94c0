-- Peer practice: two colleagues who want to practise the same topic at the same level are paired,
-- and get two sessions — the one who waited interviews the other first, then they swap.

-- Who is looking for a partner. A request is open until it is paired or cancelled; one open request
-- per account. seen_at is when its owner last looked (the lobby page asks every few seconds): a
-- request nobody has looked at for a while belongs to a closed tab and is not paired.
create table practice_requests (
  account_id       uuid primary key references accounts (id) on delete cascade,
  organisation_id  uuid not null references organisations (id),
  topic            text not null check (length(topic) between 1 and 80),
  difficulty       text not null check (difficulty in ('beginner', 'intermediate', 'advanced')),
  created_at       timestamptz not null default now(),
  seen_at          timestamptz not null default now()
);
create index practice_requests_queue on practice_requests (organisation_id, topic, difficulty, created_at);

-- A pair and its two rounds. first_session: first_account interviews second_account;
-- second_session: the other way round.
create table practice_pairings (
  id               uuid primary key,
  organisation_id  uuid not null references organisations (id),
  topic            text not null,
  difficulty       text not null,
  first_account    uuid not null references accounts (id) on delete cascade,
  second_account   uuid not null references accounts (id) on delete cascade,
  first_session    uuid not null references sessions (id),
  second_session   uuid not null references sessions (id),
  created_at       timestamptz not null default now()
);
create index practice_pairings_first on practice_pairings (first_account, created_at desc);
create index practice_pairings_second on practice_pairings (second_account, created_at desc);
