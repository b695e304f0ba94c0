-- Mockroom's first schema: the question bank, accounts, sessions and the session event log.
-- Conventions: uuid keys made by the server; timestamps are timestamptz; enumerations are text
-- with CHECK constraints so that a new value is one ALTER, not a type migration.

-- Organisations own accounts, sessions and their own questions.
create table organisations (
  id          uuid primary key,
  name        text not null check (length(name) between 1 and 200),
  created_at  timestamptz not null default now()
);

-- Interviewer accounts. Email is unique regardless of case.
create table accounts (
  id               uuid primary key,
  organisation_id  uuid not null references organisations (id),
  email            text not null check (length(email) between 3 and 320),
  display_name     text not null check (length(display_name) between 1 and 100),
  password_hash    text not null,
  role             text not null default 'interviewer' check (role in ('owner', 'interviewer')),
  created_at       timestamptz not null default now()
);
create unique index accounts_email_unique on accounts (lower(email));
create index accounts_organisation on accounts (organisation_id);

-- Browser login sessions. Only a hash of the cookie value is stored.
create table login_sessions (
  token_hash    bytea primary key,
  account_id    uuid not null references accounts (id) on delete cascade,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  last_seen_at  timestamptz not null default now()
);
create index login_sessions_account on login_sessions (account_id);

-- Links that let a person join an organisation as an interviewer.
create table invitations (
  token_hash       bytea primary key,
  organisation_id  uuid not null references organisations (id),
  created_by       uuid not null references accounts (id),
  email            text,
  created_at       timestamptz not null default now(),
  expires_at       timestamptz not null,
  accepted_by      uuid references accounts (id),
  accepted_at      timestamptz
);

-- The question bank. Imported questions have organisation_id null (shared by all organisations)
-- and a stable import_key; questions interviewers write have an organisation and an author and
-- are never touched by an import.
create table questions (
  id                   uuid primary key,
  organisation_id      uuid references organisations (id),
  origin               text not null check (origin in ('import', 'author')),
  import_key           text unique,
  prompt               text not null check (length(prompt) between 1 and 10000),
  answer               text not null default '',
  alternates           jsonb not null default '[]'::jsonb,   -- [{"answer": md, "source": {"file", "position"}}]
  difficulty           text not null check (difficulty in ('beginner', 'intermediate', 'advanced')),
  difficulty_inferred  boolean not null default false,
  topic                text not null,
  topic_inferred       boolean not null default false,
  key_points           jsonb not null default '[]'::jsonb,   -- ["…", …]
  bank_order           int,                                  -- reading order of imported questions
  author_id            uuid references accounts (id),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  search               tsvector generated always as (
                         setweight(to_tsvector('english', prompt), 'A') ||
                         setweight(to_tsvector('english', answer), 'B')) stored,
  check ((origin = 'import') = (import_key is not null)),
  check (origin = 'import' or organisation_id is not null)
);
create index questions_topic on questions (topic);
create index questions_difficulty on questions (difficulty);
create index questions_search on questions using gin (search);

-- Every source variant of an imported question: the file and position it came from, with its
-- own prompt. (file, position) identifies a variant across re-imports.
create table question_sources (
  file         text not null,
  position     text not null,
  question_id  uuid not null references questions (id) on delete cascade,
  ordinal      int not null,
  prompt       text not null,
  primary key (file, position)
);
create index question_sources_question on question_sources (question_id);

-- One row per imported seed file: what the last import read.
create table bank_imports (
  file            text primary key,
  sha256          text not null,
  questions_read  int not null,
  imported_at     timestamptz not null default now()
);

-- An interview session and its live room.
create table sessions (
  id                    uuid primary key,
  organisation_id       uuid not null references organisations (id),
  created_by            uuid not null references accounts (id),
  title                 text not null check (length(title) between 1 and 200),
  candidate_name        text not null check (length(candidate_name) between 1 and 100),
  candidate_email       text,
  -- The candidate link's secret (>= 128 random bits). Kept readable so the interviewer can copy the
  -- link again; it grants only the candidate role in this one room and dies when the session ends.
  candidate_token       text not null unique,
  status                text not null default 'scheduled' check (status in ('scheduled', 'live', 'ended')),
  created_at            timestamptz not null default now(),
  started_at            timestamptz,
  ended_at              timestamptz,
  -- Cluster ownership: a node claims a live room by bumping the epoch (see the cluster issue).
  owner_epoch           bigint not null default 0
);
create index sessions_organisation on sessions (organisation_id, created_at desc);
create index sessions_candidate_email on sessions (organisation_id, lower(candidate_email));

-- The question plan of a session, in order.
create table session_plan_items (
  session_id   uuid not null references sessions (id) on delete cascade,
  position     int not null check (position >= 0),
  question_id  uuid not null references questions (id),
  minutes      int check (minutes between 1 and 240),
  primary key (session_id, position)
);

-- Accounts invited to a session besides its creator.
create table session_members (
  session_id  uuid not null references sessions (id) on delete cascade,
  account_id  uuid not null references accounts (id),
  role        text not null check (role in ('interviewer', 'observer')),
  primary key (session_id, account_id)
);

-- Everyone who joined a room. A candidate has no account.
create table participants (
  id            uuid primary key,
  session_id    uuid not null references sessions (id) on delete cascade,
  account_id    uuid references accounts (id),
  role          text not null check (role in ('interviewer', 'candidate', 'observer')),
  display_name  text not null check (length(display_name) between 1 and 100),
  joined_at     timestamptz not null default now()
);
create index participants_session on participants (session_id);

-- The append-only log of everything that happened in a session: joins and leaves, questions
-- pushed, editor changes, chat, notes, scores, timers, end. (session_id, version) is unique and
-- versions are gap-free per session; that key is also what fences a stale room owner: its late
-- insert of an already-taken version fails.
create table session_events (
  session_id      uuid not null references sessions (id) on delete cascade,
  version         bigint not null check (version >= 1),
  type            text not null,
  participant_id  uuid,
  payload         jsonb not null,
  created_at      timestamptz not null default now(),
  primary key (session_id, version)
);

-- Snapshots of one answer document (one per question of a session) so that rebuilding a room
-- does not replay its whole history. doc_version counts accepted editor updates of that
-- document; log_version is the session_events version that produced it.
create table document_snapshots (
  session_id   uuid not null references sessions (id) on delete cascade,
  document_id  text not null,
  doc_version  int not null,
  log_version  bigint not null,
  text         text not null,
  created_at   timestamptz not null default now(),
  primary key (session_id, document_id, doc_version)
);

-- Per-question scores of one interviewer (a projection of score events in the log).
create table scores (
  session_id    uuid not null references sessions (id) on delete cascade,
  question_id   uuid not null references questions (id),
  account_id    uuid not null references accounts (id),
  rubric        smallint check (rubric between 1 and 4),
  key_points    jsonb not null default '[]'::jsonb,   -- indexes of the key points ticked
  updated_at    timestamptz not null default now(),
  primary key (session_id, question_id, account_id)
);

-- Interviewers' private notes, timestamped, per question (a projection of note events).
create table notes (
  id           uuid primary key,
  session_id   uuid not null references sessions (id) on delete cascade,
  question_id  uuid references questions (id),
  account_id   uuid not null references accounts (id),
  body         text not null check (length(body) between 1 and 10000),
  created_at   timestamptz not null default now()
);
create index notes_session on notes (session_id, created_at);

-- The overall recommendation and summary of each interviewer at the end of a session.
create table recommendations (
  session_id      uuid not null references sessions (id) on delete cascade,
  account_id      uuid not null references accounts (id),
  recommendation  text check (recommendation in ('strong_no', 'no', 'yes', 'strong_yes')),
  summary         text not null default '',
  submitted_at    timestamptz,
  primary key (session_id, account_id)
);
