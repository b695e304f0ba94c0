package io.mockroom.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the sessions that ended more than {@code MOCKROOM_RETENTION_DAYS} days ago, with
 * everything about them, as an interviewer's delete does ({@link SessionDeletion}): a server keeps
 * a candidate's answers, chat, notes and scores only as long as its operator decided. Sessions that
 * never ended (planned, or live) are kept whatever their age: only an ended interview is done with.
 *
 * <p>A sweep runs a minute after the start, so a restart is not slowed by it, and then every hour;
 * it deletes the oldest first, {@link #BATCH} sessions per query until none is left, one session
 * per transaction (a failure keeps the rest for the next sweep, and never leaves a session half
 * deleted). Every node of a cluster sweeps: a session two nodes delete at once is deleted by one,
 * and the other finds nothing to delete.
 */
public final class SessionRetention {
  private static final Logger log = LoggerFactory.getLogger(SessionRetention.class);
  static final int BATCH = 100;
  private static final long FIRST_SWEEP_MS = 60_000;
  private static final long SWEEP_EVERY_MS = 3_600_000;
  private static final String EXPIRED = """
      select organisation_id, id from sessions
       where status = 'ended' and ended_at < now() - make_interval(days => $1)
       order by ended_at limit $2""";

  private final Pool pool;
  private final SessionDeletion deletion;
  private final int days;

  public SessionRetention(Pool pool, SessionDeletion deletion, int days) {
    if (days < 1) throw new IllegalArgumentException("days: " + days);
    this.pool = pool;
    this.deletion = deletion;
    this.days = days;
  }

  /** Sweeps a minute from now and then every hour; the timer ids, to cancel at stop. */
  public long[] schedule(Vertx vertx) {
    log.info("Sessions are deleted {} days after they end (MOCKROOM_RETENTION_DAYS)", days);
    return new long[] {
        vertx.setTimer(FIRST_SWEEP_MS, t -> sweep()),
        vertx.setPeriodic(FIRST_SWEEP_MS + SWEEP_EVERY_MS, SWEEP_EVERY_MS, t -> sweep())};
  }

  /** Deletes every session that ended more than the retention ago; how many were deleted. Never fails. */
  public Future<Integer> sweep() {
    return sweep(0).onSuccess(n -> {
      if (n > 0) log.info("Retention: {} sessions that ended more than {} days ago deleted with everything about them", n, days);
    }).recover(e -> {
      log.warn("Retention: the sweep stopped ({}); the next one in an hour goes on", e.getMessage());
      return Future.succeededFuture(0);
    });
  }

  private Future<Integer> sweep(int deletedSoFar) {
    return pool.preparedQuery(EXPIRED).execute(Tuple.of(days, BATCH)).compose(rows -> {
      List<Row> expired = new ArrayList<>();
      rows.forEach(expired::add);
      Future<Integer> chain = Future.succeededFuture(deletedSoFar);
      for (Row r : expired) {
        UUID organisation = r.getUUID("organisation_id");
        UUID session = r.getUUID("id");
        chain = chain.compose(n -> deletion.delete(organisation, session).map(deleted -> deleted ? n + 1 : n));
      }
      return expired.size() < BATCH ? chain : chain.compose(this::sweep);
    });
  }
}
