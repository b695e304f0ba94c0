package io.mockroom.match;

import io.mockroom.auth.Account;
import io.mockroom.auth.AccountStore;
import io.mockroom.room.SessionStore;
import io.mockroom.room.SessionStore.PlanRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Peer practice: colleagues who want to practise the same topic at the same level are paired, and
 * get two sessions — the one who waited interviews the other first, then they swap. The lobby is
 * rows in Postgres, so every node of a cluster sees the same one.
 *
 * <p>Invariants: an account has at most one open request (its primary key); pairing takes the
 * queue's advisory lock ({@code pg_advisory_xact_lock} on organisation, topic and level), so two
 * people asking at once are paired with each other — the second sees the first's committed
 * request — and nobody is paired twice. A request whose owner has not looked at the lobby for
 * {@link #STALE_SECONDS} (a closed tab) is passed over until they look again.
 */
public final class PracticeLobby {
  /** Seconds after its owner last looked that a request is passed over; the lobby page looks every few seconds. */
  public static final int STALE_SECONDS = 30;
  public static final int QUESTIONS_PER_ROUND = 2;
  public static final int MINUTES_PER_QUESTION = 20;

  /** One round: who interviews whom, in which session. {@code candidateToken} is set for the viewer's candidate round only. */
  public record Round(int number, UUID sessionId, String interviewer, String candidate, boolean youInterview,
                      String status, String candidateToken) {}

  public record Pairing(UUID id, String topic, String difficulty, String partner, OffsetDateTime createdAt, List<Round> rounds) {}

  /** Where an account stands in the lobby. */
  public sealed interface State permits Idle, Waiting, Paired {}

  /** Neither looking for a partner nor in a pairing with a round left. */
  public record Idle() implements State {}

  public record Waiting(String topic, String difficulty, OffsetDateTime since) implements State {}

  public record Paired(Pairing pairing) implements State {}

  /** Requests for one topic and level (of one organisation) wait in one queue; ordered by name to lock several. */
  private record Queue(String topic, String difficulty) implements Comparable<Queue> {
    @Override
    public int compareTo(Queue o) {
      int byTopic = topic.compareTo(o.topic);
      return byTopic != 0 ? byTopic : difficulty.compareTo(o.difficulty);
    }
  }

  private static final String LOCK_QUEUE = "select pg_advisory_xact_lock(hashtext($1::uuid::text || '|' || $2 || '|' || $3))";

  private static final String PARTNER = """
      select r.account_id from practice_requests r
       where r.organisation_id = $1 and r.topic = $2 and r.difficulty = $3 and r.account_id <> $4
         and r.seen_at > now() - $5::int * interval '1 second'
         -- someone who cannot open another session (SessionStore's limit) would fail every pairing, and block the queue
         and (select count(*) from sessions s where s.created_by = r.account_id and s.status <> 'ended') < $6
       order by r.created_at, r.account_id limit 1
         for update""";

  /**
   * Questions for a round: the topic's at the level first, then its others, then (a topic with too
   * few questions for two rounds) other topics' at the level; within those, ones the candidate was
   * not asked in this organisation first; never one in {@code $5} (the other round's: the candidate
   * has just heard them).
   */
  private static final String QUESTIONS = """
      select q.id from questions q
       where (q.organisation_id is null or q.organisation_id = $1) and q.archived_at is null
         and not (q.id = any($5))
       order by q.topic <> $2,
                q.difficulty <> $3,
                exists (select 1 from session_events e join sessions se on se.id = e.session_id
                         where e.type = 'question_pushed' and e.payload ->> 'questionId' = q.id::text
                           and se.organisation_id = $1 and lower(se.candidate_email) = lower($4)),
                random()
       limit $6""";

  private static final String INSERT_PAIRING = """
      insert into practice_pairings (id, organisation_id, topic, difficulty, first_account, second_account, first_session, second_session)
      values ($1, $2, $3, $4, $5, $6, $7, $8)""";

  private static final String PAIRING = """
      select p.id, p.topic, p.difficulty, p.created_at, p.first_account = $1 as first,
             s1.id as s1, s1.status as s1_status, s1.candidate_token as s1_token,
             s2.id as s2, s2.status as s2_status, s2.candidate_token as s2_token,
             a1.display_name as a1_name, a2.display_name as a2_name
        from practice_pairings p
        join sessions s1 on s1.id = p.first_session join sessions s2 on s2.id = p.second_session
        join accounts a1 on a1.id = p.first_account join accounts a2 on a2.id = p.second_account
       where ((p.first_account = $1 and p.first_left_at is null) or (p.second_account = $1 and p.second_left_at is null))
         and p.created_at > now() - interval '12 hours' -- an unfinished pairing is forgotten after a day's work
         and (s1.status <> 'ended' or s2.status <> 'ended')
       order by p.created_at desc limit 1""";

  private static final String LEAVE = """
      update practice_pairings
         set first_left_at = case when first_account = $1 then now() else first_left_at end,
             second_left_at = case when second_account = $1 then now() else second_left_at end
       where (first_account = $1 and first_left_at is null) or (second_account = $1 and second_left_at is null)""";

  private final Pool pool;
  private final SessionStore sessions;
  private final LobbyChanges changes;

  public PracticeLobby(Vertx vertx, Pool pool, SessionStore sessions) {
    this.pool = pool;
    this.sessions = sessions;
    this.changes = new LobbyChanges(vertx);
  }

  /** Asks for a partner (replacing an open request): paired at once when someone is waiting, else waiting. */
  public Future<State> ask(Account me, String topic, String difficulty) {
    return sessions.canOpenAnother(me.id())
        .compose(can -> can ? Future.succeededFuture() : Future.<Void>failedFuture(new SessionStore.TooManyOpen()))
        .compose(canOpen -> pool.withTransaction(c -> c.preparedQuery("select topic, difficulty from practice_requests where account_id = $1")
            .execute(Tuple.of(me.id()))
            .compose(open -> {
              // Moving an open request to another queue locks the old queue too, so nobody pairs it
              // while it moves; both in one order (by name), so two movers cannot deadlock.
              TreeSet<Queue> queues = new TreeSet<>(List.of(new Queue(topic, difficulty)));
              open.forEach(r -> queues.add(new Queue(r.getString("topic"), r.getString("difficulty"))));
              Future<Void> locked = Future.succeededFuture();
              for (Queue q : queues) {
                locked = locked.compose(v -> c.preparedQuery(LOCK_QUEUE).execute(Tuple.of(me.organisationId(), q.topic(), q.difficulty())).mapEmpty());
              }
              return locked;
            })
            .compose(locked -> c.preparedQuery("""
                    insert into practice_requests (account_id, organisation_id, topic, difficulty) values ($1, $2, $3, $4)
                    on conflict (account_id) do update
                      set topic = excluded.topic, difficulty = excluded.difficulty, created_at = now(), seen_at = now()""")
                .execute(Tuple.of(me.id(), me.organisationId(), topic, difficulty)))
            .compose(asked -> pairIfSomeoneWaits(c, me, topic, difficulty))))
        .andThen(asked -> {
          if (asked.succeeded()) changes.announce(me.organisationId());
        })
        .compose(v -> read(me));
  }

  /**
   * What the account sees in the lobby now. Looking keeps an open request fresh, and pairs it with
   * anyone now waiting for the same (they may have asked while this request was stale).
   */
  public Future<State> current(Account me) {
    // The queue's lock comes before the request's row lock, as in ask(): a pairing holds the queue
    // and then locks its partner's row, so taking them the other way round could deadlock.
    return pool.preparedQuery("select topic, difficulty from practice_requests where account_id = $1").execute(Tuple.of(me.id()))
        .compose(open -> {
          if (open.size() == 0) return Future.succeededFuture(false);
          Row r = open.iterator().next();
          String topic = r.getString("topic");
          String difficulty = r.getString("difficulty");
          return pool.withTransaction(c -> c.preparedQuery(LOCK_QUEUE).execute(Tuple.of(me.organisationId(), topic, difficulty))
              .compose(locked -> c.preparedQuery(
                      "update practice_requests set seen_at = now() where account_id = $1 and topic = $2 and difficulty = $3")
                  .execute(Tuple.of(me.id(), topic, difficulty)))
              // Still in this queue (not paired, cancelled or moved meanwhile): pair it if someone waits.
              .compose(seen -> seen.rowCount() == 0 ? Future.succeededFuture(false) : pairIfSomeoneWaits(c, me, topic, difficulty)));
        })
        .andThen(paired -> {
          if (paired.succeeded() && paired.result()) changes.announce(me.organisationId());
        })
        .compose(v -> read(me));
  }

  /**
   * Like {@link #current}, but while the account is waiting the answer is held until its state
   * changes (it is paired, or another tab of it cancels or moves the request) or {@code maxMillis}
   * pass, whichever is first; so a waiting page hears of its pairing at once without asking every
   * second. Not waiting, it answers at once. The hold must stay well under {@link #STALE_SECONDS}:
   * the request counts as looked at when the hold starts.
   */
  public Future<State> awaitChange(Account me, long maxMillis) {
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    // Listening starts before the first read, so a change committed after that read is heard.
    return changes.listen(me.organisationId()).compose(listener -> current(me)
        .compose(now -> now instanceof Waiting ? heldWhileUnchanged(listener, me, now, deadline) : Future.succeededFuture(now))
        .andThen(done -> listener.close()));
  }

  /** Every change of the organisation's lobby wakes this; only a change of {@code me}'s own state answers. */
  private Future<State> heldWhileUnchanged(LobbyChanges.Listener listener, Account me, State before, long deadline) {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) return Future.succeededFuture(before);
    return listener.next(left).compose(changed -> !changed ? Future.succeededFuture(before) : read(me)
        .compose(now -> now.equals(before) ? heldWhileUnchanged(listener, me, before, deadline) : Future.succeededFuture(now)));
  }

  /** Withdraws the account's open request; without one, leaves its pairing (which its partner still sees). */
  public Future<State> cancel(Account me) {
    return pool.preparedQuery("delete from practice_requests where account_id = $1").execute(Tuple.of(me.id()))
        .compose(deleted -> deleted.rowCount() > 0 ? Future.succeededFuture(true) : pool.preparedQuery(LEAVE)
            .execute(Tuple.of(me.id())).map(left -> false))
        .andThen(withdrawn -> {
          if (withdrawn.succeeded() && withdrawn.result()) changes.announce(me.organisationId());
        })
        .compose(v -> read(me));
  }

  /** With the queue's lock held and {@code me}'s request open: pairs it with the longest waiting fresh one, if any; true if it did. */
  private Future<Boolean> pairIfSomeoneWaits(SqlConnection c, Account me, String topic, String difficulty) {
    return c.preparedQuery(PARTNER)
        .execute(Tuple.of(me.organisationId(), topic, difficulty, me.id(), STALE_SECONDS, SessionStore.MAX_OPEN_PER_ACCOUNT))
        .compose(found -> {
          if (found.size() == 0) return Future.succeededFuture(false);
          return AccountStore.byId(c, found.iterator().next().getUUID("account_id"))
              .compose(partner -> pair(c, partner, me, topic, difficulty))
              .map(true);
        });
  }

  /** {@code first} (who waited) interviews {@code second} in round one; then the other way round. */
  private Future<Void> pair(SqlConnection c, Account first, Account second, String topic, String difficulty) {
    String title = "Practice: " + topic + " (" + difficulty.substring(0, 1).toUpperCase() + difficulty.substring(1) + "), round ";
    // One after another on the transaction's connection; each step reads what the ones before made.
    Future<List<PlanRequest>> roundOne = questions(c, first.organisationId(), topic, difficulty, second.email(), List.of());
    Future<List<PlanRequest>> roundTwo = roundOne.compose(one -> questions(c, first.organisationId(), topic, difficulty,
        first.email(), one.stream().map(PlanRequest::questionId).toList()));
    Future<UUID> sessionOne = roundTwo.compose(two -> sessions.insert(c, first, title + 1, second.name(), second.email(), roundOne.result()));
    Future<UUID> sessionTwo = sessionOne.compose(one -> sessions.insert(c, second, title + 2, first.name(), first.email(), roundTwo.result()));
    return sessionTwo
        .compose(two -> c.preparedQuery(INSERT_PAIRING).execute(Tuple.of(UUID.randomUUID(), first.organisationId(), topic,
            difficulty, first.id(), second.id(), sessionOne.result(), two)))
        .compose(inserted -> c.preparedQuery("delete from practice_requests where account_id = any($1)")
            .execute(Tuple.of(new UUID[] {first.id(), second.id()})))
        .mapEmpty();
  }

  private static Future<List<PlanRequest>> questions(SqlConnection c, UUID organisationId, String topic, String difficulty,
                                                     String candidateEmail, List<UUID> exclude) {
    return c.preparedQuery(QUESTIONS)
        .execute(Tuple.of(organisationId, topic, difficulty, candidateEmail, exclude.toArray(UUID[]::new), QUESTIONS_PER_ROUND))
        .map(rows -> {
          List<PlanRequest> plan = new ArrayList<>();
          rows.forEach(r -> plan.add(new PlanRequest(r.getUUID("id"), MINUTES_PER_QUESTION)));
          return plan;
        });
  }

  private Future<State> read(Account me) {
    return pool.preparedQuery("select topic, difficulty, created_at from practice_requests where account_id = $1")
        .execute(Tuple.of(me.id()))
        .compose(open -> {
          if (open.size() > 0) {
            Row r = open.iterator().next();
            return Future.succeededFuture(new Waiting(r.getString("topic"), r.getString("difficulty"), r.getOffsetDateTime("created_at")));
          }
          return pool.preparedQuery(PAIRING).execute(Tuple.of(me.id())).map(rows -> {
            if (rows.size() == 0) return new Idle();
            Row p = rows.iterator().next();
            boolean first = p.getBoolean("first");
            String one = p.getString("a1_name");
            String two = p.getString("a2_name");
            List<Round> rounds = List.of(
                new Round(1, p.getUUID("s1"), one, two, first, p.getString("s1_status"), first ? null : p.getString("s1_token")),
                new Round(2, p.getUUID("s2"), two, one, !first, p.getString("s2_status"), first ? p.getString("s2_token") : null));
            Pairing pairing = new Pairing(p.getUUID("id"), p.getString("topic"), p.getString("difficulty"), first ? two : one,
                p.getOffsetDateTime("created_at"), rounds);
            return new Paired(pairing);
          });
        });
  }
}
