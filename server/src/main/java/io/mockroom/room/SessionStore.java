package io.mockroom.room;

import io.mockroom.auth.Account;
import io.mockroom.auth.Tokens;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Interview sessions as rows: create, list, read, invite, and resolve a candidate link. SQL only. */
public final class SessionStore {

  public record PlanRequest(UUID questionId, Integer minutes) {}

  public record PlanEntry(int position, UUID questionId, String prompt, String topic, String difficulty, Integer minutes) {}

  public record Member(UUID accountId, String name, String email, String role) {}

  public record Session(UUID id, UUID organisationId, UUID createdBy, String title, String candidateName,
                        String candidateEmail, String candidateToken, String status, OffsetDateTime createdAt,
                        OffsetDateTime startedAt, OffsetDateTime endedAt, int questions) {}

  /** What a candidate link opens. */
  public record CandidateLink(UUID sessionId, String title, String candidateName, String organisationName, String status) {}

  private static final String COLUMNS = """
      s.id, s.organisation_id, s.created_by, s.title, s.candidate_name, s.candidate_email, s.candidate_token,
      s.status, s.created_at, s.started_at, s.ended_at,
      (select count(*) from session_plan_items p where p.session_id = s.id) as questions""";

  private final Pool pool;

  public SessionStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Sessions one account may have that have not ended (scheduled or live): each is a room someone
   * can open, so an account (or a script with its cookie) cannot open rooms without end.
   */
  public static final int MAX_OPEN_PER_ACCOUNT = 50;

  private static final String OPEN_SESSIONS = "select count(*) from sessions where created_by = $1 and status <> 'ended'";

  /** Whether the account may open one more session (it has fewer than {@link #MAX_OPEN_PER_ACCOUNT} that have not ended). */
  public Future<Boolean> canOpenAnother(UUID accountId) {
    return pool.preparedQuery(OPEN_SESSIONS).execute(Tuple.of(accountId))
        .map(rows -> rows.iterator().next().getLong(0) < MAX_OPEN_PER_ACCOUNT);
  }

  /**
   * Fails with {@link UnknownQuestion} when a planned question is not in the organisation's bank,
   * and with {@link TooManyOpen} when the account already has {@link #MAX_OPEN_PER_ACCOUNT}
   * sessions that have not ended. The account's row is locked for the transaction, so concurrent
   * creations by one account are counted one after another and never pass the limit together.
   */
  public Future<Session> create(Account by, String title, String candidateName, String candidateEmail, List<PlanRequest> plan) {
    return pool.withTransaction(c -> insert(c, by, title, candidateName, candidateEmail, plan))
        .compose(id -> get(by.organisationId(), id).map(Optional::orElseThrow));
  }

  /** {@link #create} inside the caller's transaction {@code c}; the new session's id. */
  public Future<UUID> insert(SqlConnection c, Account by, String title, String candidateName, String candidateEmail,
                             List<PlanRequest> plan) {
    UUID id = UUID.randomUUID();
    String token = Tokens.random();
    UUID[] ids = plan.stream().map(PlanRequest::questionId).toArray(UUID[]::new);
    return c.preparedQuery("select id from accounts where id = $1 for no key update")
        .execute(Tuple.of(by.id()))
        .compose(locked -> c.preparedQuery(OPEN_SESSIONS).execute(Tuple.of(by.id())))
        .compose(open -> {
          long count = open.iterator().next().getLong(0);
          if (count >= MAX_OPEN_PER_ACCOUNT) return Future.failedFuture(new TooManyOpen());
          return c.preparedQuery("""
                  select count(distinct id) from questions
                   where id = any($1) and (organisation_id is null or organisation_id = $2) and archived_at is null""")
              .execute(Tuple.of(ids, by.organisationId()));
        })
        .compose(rows -> {
          long found = rows.iterator().next().getLong(0);
          long distinct = java.util.Arrays.stream(ids).distinct().count();
          if (found != distinct) return Future.failedFuture(new UnknownQuestion());
          return c.preparedQuery("""
                  insert into sessions (id, organisation_id, created_by, title, candidate_name, candidate_email, candidate_token)
                  values ($1, $2, $3, $4, $5, $6, $7)""")
              .execute(Tuple.of(id, by.organisationId(), by.id(), title, candidateName, candidateEmail, token));
        })
        .compose(v -> {
          if (plan.isEmpty()) return Future.succeededFuture();
          List<Tuple> rows = new ArrayList<>();
          for (int i = 0; i < plan.size(); i++) rows.add(Tuple.of(id, i, plan.get(i).questionId(), plan.get(i).minutes()));
          return c.preparedQuery("insert into session_plan_items (session_id, position, question_id, minutes) values ($1, $2, $3, $4)")
              .executeBatch(rows).mapEmpty();
        })
        .map(id);
  }

  public static final class UnknownQuestion extends RuntimeException {
    UnknownQuestion() {
      super(null, null, false, false);
    }
  }

  /** The account already has {@link #MAX_OPEN_PER_ACCOUNT} sessions that have not ended. */
  public static final class TooManyOpen extends RuntimeException {
    public TooManyOpen() {
      super(null, null, false, false);
    }
  }

  /** A session of the list as one account sees it: with its role in it, null when it was not invited. */
  public record Listed(Session session, Role yourRole) {}

  /**
   * The sessions page: every session of the organisation that has not ended, newest first (at
   * most {@code openLimit}: each account may have {@link #MAX_OPEN_PER_ACCOUNT}), then the
   * {@code endedShown} that ended last, and how many have ended in all (the rest are in Review).
   * Each with the viewer's role in it, as {@link #staffRole} tells it.
   */
  public record Listing(List<Listed> open, List<Listed> ended, long endedTotal) {}

  private static final String LISTED = "select " + COLUMNS + """
      , s.created_by = $3 as creator,
        (select m.role from session_members m where m.session_id = s.id and m.account_id = $3) as member_role
        from sessions s where s.organisation_id = $1""";

  public Future<Listing> listing(Account viewer, int openLimit, int endedShown) {
    Future<List<Listed>> open = listed(LISTED + " and s.status <> 'ended' order by s.created_at desc limit $2", viewer, openLimit);
    Future<List<Listed>> ended = listed(LISTED + " and s.status = 'ended' order by s.ended_at desc nulls last, s.created_at desc limit $2",
        viewer, endedShown);
    Future<Long> endedTotal = pool.preparedQuery("select count(*) from sessions where organisation_id = $1 and status = 'ended'")
        .execute(Tuple.of(viewer.organisationId())).map(rows -> rows.iterator().next().getLong(0));
    return Future.all(open, ended, endedTotal).map(v -> new Listing(open.result(), ended.result(), endedTotal.result()));
  }

  private Future<List<Listed>> listed(String sql, Account viewer, int limit) {
    return pool.preparedQuery(sql).execute(Tuple.of(viewer.organisationId(), limit, viewer.id()))
        .map(rows -> {
          List<Listed> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Listed(session(r), role(r.getBoolean("creator"), r.getString("member_role")).orElse(null))));
          return out;
        });
  }

  /** Empty when there is no such session in this organisation (other organisations' sessions do not exist). */
  public Future<Optional<Session>> get(UUID organisationId, UUID id) {
    return pool.preparedQuery("select " + COLUMNS + " from sessions s where s.id = $1 and s.organisation_id = $2")
        .execute(Tuple.of(id, organisationId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(session(rows.iterator().next())));
  }

  public Future<List<PlanEntry>> plan(UUID sessionId) {
    return pool.preparedQuery("""
            select p.position, p.minutes, q.id, q.prompt, q.topic, q.difficulty from session_plan_items p
              join questions q on q.id = p.question_id where p.session_id = $1 order by p.position""")
        .execute(Tuple.of(sessionId))
        .map(rows -> {
          List<PlanEntry> out = new ArrayList<>();
          rows.forEach(r -> out.add(new PlanEntry(r.getInteger("position"), r.getUUID("id"), r.getString("prompt"),
              r.getString("topic"), r.getString("difficulty"), r.getInteger("minutes"))));
          return out;
        });
  }

  public Future<List<Member>> members(UUID sessionId) {
    return pool.preparedQuery("""
            select a.id, a.display_name, a.email, 'interviewer' as role, 0 as o from sessions s join accounts a on a.id = s.created_by where s.id = $1
            union all
            select a.id, a.display_name, a.email, m.role, 1 from session_members m join accounts a on a.id = m.account_id where m.session_id = $1
            order by 5, 2""")
        .execute(Tuple.of(sessionId))
        .map(rows -> {
          List<Member> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Member(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3))));
          return out;
        });
  }

  public Future<Void> addMember(UUID sessionId, UUID accountId, String role) {
    return pool.preparedQuery("""
            insert into session_members (session_id, account_id, role) values ($1, $2, $3)
            on conflict (session_id, account_id) do update set role = excluded.role""")
        .execute(Tuple.of(sessionId, accountId, role)).mapEmpty();
  }

  /**
   * An account's role in a session of its organisation: empty when the session is not in the
   * organisation; {@code Optional.of(Optional.empty())} when the account was not invited.
   */
  public Future<Optional<Optional<Role>>> staffRole(UUID sessionId, Account account) {
    return pool.preparedQuery("""
            select s.created_by = $2 as creator, m.role from sessions s
              left join session_members m on m.session_id = s.id and m.account_id = $2
             where s.id = $1 and s.organisation_id = $3""")
        .execute(Tuple.of(sessionId, account.id(), account.organisationId()))
        .map(rows -> {
          if (rows.size() == 0) return Optional.empty();
          Row r = rows.iterator().next();
          return Optional.of(role(r.getBoolean("creator"), r.getString("role")));
        });
  }

  /**
   * The one rule of who is what in a session: its creator is always an interviewer; others are
   * what they were invited as ({@code session_members.role}), or nothing (empty) when not invited.
   */
  private static Optional<Role> role(boolean creator, String memberRole) {
    if (creator || "interviewer".equals(memberRole)) return Optional.of(Role.INTERVIEWER);
    if ("observer".equals(memberRole)) return Optional.of(Role.OBSERVER);
    return Optional.empty();
  }

  /**
   * Every row about a session, per table, as the migrations made them (V1–V11). Deleted in this
   * order, in one transaction, by {@link #delete}:
   * <ol>
   *   <li>{@code room_owners} (V3) first: in a cluster the event log inserts only while it holds
   *       the session's owner row FOR SHARE; deleting that row waits for every insert in flight to
   *       commit (so the next statement sees their events and deletes them), and an insert that
   *       comes later finds no owner row and writes nothing (its room is fenced out);</li>
   *   <li>{@code session_events} (V1; no foreign key since V4, so nothing cascades to it): the
   *       whole transcript — names, chat, notes, answers, scores;</li>
   *   <li>{@code document_snapshots}, {@code scores}, {@code notes}, {@code recommendations},
   *       {@code participants} (names of everyone who joined), {@code session_members},
   *       {@code session_plan_items} (V1; they would cascade, but are named so the list is whole);</li>
   *   <li>{@code practice_pairings} (V8) whose first or second round is this session: its columns are
   *       NOT NULL and do not cascade, and a pairing is its two rounds — without one it is no
   *       pairing. It is deleted; its other round stays an ordinary session of its interviewer (as
   *       after "Leave this pairing", V11), and both partners may ask for a partner again;</li>
   *   <li>{@code sessions} (V1): title, candidate name and email, candidate token.</li>
   * </ol>
   * Not about a session, so untouched: {@code invitations} (to the organisation, V1), accounts,
   * login sessions, questions (a question's bank statistics are read from the remaining sessions),
   * {@code practice_requests} (V8).
   */
  static final List<String> DELETE_STATEMENTS = List.of(
      "delete from room_owners where session_id = $1",
      "delete from session_events where session_id = $1",
      "delete from document_snapshots where session_id = $1",
      "delete from scores where session_id = $1",
      "delete from notes where session_id = $1",
      "delete from recommendations where session_id = $1",
      "delete from participants where session_id = $1",
      "delete from session_members where session_id = $1",
      "delete from session_plan_items where session_id = $1",
      "delete from practice_pairings where first_session = $1 or second_session = $1",
      "delete from sessions where id = $1");

  /**
   * Deletes a session of the organisation and every row about it (see {@link #DELETE_STATEMENTS}),
   * in one transaction; false when there is no such session (any more). The session's row is locked
   * first, so two deletes of one session run one after the other and the second finds nothing.
   * The caller stops the session's room before (see {@link SessionDeletion}).
   */
  public Future<Boolean> delete(UUID organisationId, UUID sessionId) {
    return pool.withTransaction(c -> c.preparedQuery("select id from sessions where id = $1 and organisation_id = $2 for update")
        .execute(Tuple.of(sessionId, organisationId))
        .compose(found -> found.size() == 0 ? Future.succeededFuture(false) : deleteRows(c, sessionId).map(true)));
  }

  private static Future<Void> deleteRows(SqlConnection c, UUID sessionId) {
    Future<Void> chain = Future.succeededFuture();
    for (String sql : DELETE_STATEMENTS) {
      chain = chain.compose(v -> c.preparedQuery(sql).execute(Tuple.of(sessionId)).mapEmpty());
    }
    return chain;
  }

  /** A session of a candidate and whether the account is one of its interviewers (its creator, or invited as one). */
  public record CandidateSession(UUID id, boolean interviewer) {}

  private static final String CANDIDATE_SESSIONS = """
      select s.id, s.created_by = $3 or exists (select 1 from session_members m
                                                  where m.session_id = s.id and m.account_id = $3 and m.role = 'interviewer') as interviewer
        from sessions s where s.organisation_id = $1 and lower(s.candidate_email) = lower($2)""";

  /** The organisation's sessions whose candidate has this email (any case), each with whether {@code account} interviews it. */
  public Future<List<CandidateSession>> sessionsOfCandidate(Account account, String email) {
    return pool.preparedQuery(CANDIDATE_SESSIONS).execute(Tuple.of(account.organisationId(), email, account.id()))
        .map(rows -> {
          List<CandidateSession> out = new ArrayList<>();
          rows.forEach(r -> out.add(new CandidateSession(r.getUUID(0), r.getBoolean(1))));
          return out;
        });
  }

  /** Some of the sessions are not (or no longer) the account's to delete; nothing was deleted. */
  public static final class NotInterviewerOfAll extends RuntimeException {
    public final int notTheirs;
    public final int all;

    NotInterviewerOfAll(int notTheirs, int all) {
      super(null, null, false, false);
      this.notTheirs = notTheirs;
      this.all = all;
    }
  }

  /**
   * Deletes these sessions of the organisation in one transaction, all or none: their rows are
   * locked first and the account must still be an interviewer of every one (a membership changed
   * since the caller looked fails it with {@link NotInterviewerOfAll}). The number deleted (a
   * session deleted meanwhile by someone else is not counted).
   */
  public Future<Integer> deleteAll(Account account, List<UUID> sessionIds) {
    UUID[] ids = sessionIds.toArray(UUID[]::new);
    return pool.withTransaction(c -> c.preparedQuery("""
            select s.id, s.created_by = $3 or exists (select 1 from session_members m
                                                       where m.session_id = s.id and m.account_id = $3 and m.role = 'interviewer') as interviewer
              from sessions s where s.id = any($1) and s.organisation_id = $2 order by s.id for update of s""")
        .execute(Tuple.of(ids, account.organisationId(), account.id()))
        .compose(rows -> {
          List<UUID> found = new ArrayList<>();
          int notTheirs = 0;
          for (Row r : rows) {
            found.add(r.getUUID(0));
            if (!r.getBoolean(1)) notTheirs++;
          }
          if (notTheirs > 0) return Future.failedFuture(new NotInterviewerOfAll(notTheirs, found.size()));
          Future<Void> chain = Future.succeededFuture();
          for (UUID id : found) chain = chain.compose(v -> deleteRows(c, id));
          return chain.map(found.size());
        }));
  }

  /** Links a session to a candidate by email (for candidate history), e.g. when it was not given at creation. */
  public Future<Void> setCandidateEmail(UUID sessionId, String email) {
    return pool.preparedQuery("update sessions set candidate_email = $2 where id = $1")
        .execute(Tuple.of(sessionId, email)).mapEmpty();
  }

  /** The session a candidate link opens, whatever its status (the caller explains an ended one). */
  public Future<Optional<CandidateLink>> byCandidateToken(String token) {
    if (!Tokens.plausible(token)) return Future.succeededFuture(Optional.empty());
    return pool.preparedQuery("""
            select s.id, s.title, s.candidate_name, o.name, s.status from sessions s
              join organisations o on o.id = s.organisation_id where s.candidate_token = $1""")
        .execute(Tuple.of(token))
        .map(rows -> {
          if (rows.size() == 0) return Optional.empty();
          Row r = rows.iterator().next();
          return Optional.of(new CandidateLink(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
        });
  }

  private static Session session(Row r) {
    return new Session(r.getUUID("id"), r.getUUID("organisation_id"), r.getUUID("created_by"), r.getString("title"),
        r.getString("candidate_name"), r.getString("candidate_email"), r.getString("candidate_token"),
        r.getString("status"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("started_at"),
        r.getOffsetDateTime("ended_at"), r.getLong("questions").intValue());
  }
}
