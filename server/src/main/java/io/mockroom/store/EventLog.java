package io.mockroom.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of session events: appends from every room are queued and written together, one
 * transaction per batch (at most {@link #MAX_BATCH} events), as soon as the previous batch is
 * done — so under load a batch fills while the last one commits, and when idle an event is
 * written at once.
 *
 * <p>Invariants: batches are written one at a time, in the order their events were appended, so
 * the events of one room reach the table in version order. A batch that fails because the
 * database cannot be written (connection lost, restart, serialization) is retried, whole and
 * first, until it succeeds (with a growing pause); nothing behind it is written before it, so no
 * gap can appear. An append's future completes only after its row committed.
 *
 * <p>A batch that fails for what one of its rows holds is written again one event at a time, in
 * order, so that the other rooms' events are written and only the culprits fail:
 * <ul>
 *   <li>on the unique (session, version) key: the event belongs to a room owner that lost the
 *       room, and its future fails with {@link StaleOwnerException};
 *   <li>on a data exception (SQLSTATE class 22, e.g. U+0000 in jsonb), another constraint
 *       (class 23) or a size limit (class 54): the event is never written and its future fails
 *       with {@link RefusedException}. So do the later events of the room that appended it —
 *       they follow it (an editor update rests on the one before), and writing them would leave
 *       a gap — until the room, reloaded from what is stored, writes from the refused version on
 *       (see {@link #refusedAt}).
 * </ul>
 * One bad event so never stops the log for every room, as a batch retried forever would.
 *
 * <p>Fenced mode (a cluster): every append names the ownership epoch its room was claimed under
 * ({@code room_owners}), and a row is inserted only if that epoch is still current — checked in
 * the insert itself, under a share lock on the owner row, so a claim and a write never interleave.
 * A row refused that way fails its append with {@link StaleOwnerException}; the other rows of the
 * batch (other rooms) are written.
 */
public final class EventLog {
  private static final Logger log = LoggerFactory.getLogger(EventLog.class);
  public static final int MAX_BATCH = 500;

  private static final String INSERT = """
      insert into session_events (session_id, version, type, participant_id, payload) values ($1, $2, $3, $4, $5::text::jsonb)""";

  /** The same row, written only while the room's ownership epoch ($6) is the one its owner holds. */
  private static final String FENCED_INSERT = """
      insert into session_events (session_id, version, type, participant_id, payload)
      select $1, $2, $3, $4, $5::text::jsonb from room_owners where session_id = $1 and epoch = $6 for share""";

  /**
   * A whole batch as one statement over arrays (one row per element): one round trip, no
   * BEGIN/COMMIT (a statement is atomic), and Postgres plans and starts the insert once per
   * batch rather than once per event. It writes every row or none, so nothing needs returning.
   */
  private static final String BATCH_INSERT = """
      insert into session_events (session_id, version, type, participant_id, payload)
      select s, v, t, p, d::jsonb
        from unnest($1::uuid[], $2::int8[], $3::text[], $4::uuid[], $5::text[]) as u(s, v, t, p, d)""";

  /**
   * The same, keeping only rows whose room is still held under the given epoch (share-locked);
   * it returns the rows it wrote, so a refused row's append can fail.
   */
  private static final String FENCED_BATCH_INSERT = """
      insert into session_events (session_id, version, type, participant_id, payload)
      select u.s, u.v, u.t, u.p, u.d::jsonb
        from unnest($1::uuid[], $2::int8[], $3::text[], $4::uuid[], $5::text[], $6::int8[]) as u(s, v, t, p, d, e)
        join room_owners o on o.session_id = u.s and o.epoch = u.e
         for share of o
      returning session_id, version""";

  /** An append after {@link #close}, or one still unwritten when the close gave up waiting. */
  public static final class ClosedException extends RuntimeException {
    ClosedException(String message) {
      super(message, null, false, false);
    }
  }

  /** An append that another owner already wrote: this room's in-memory state is stale. */
  public static final class StaleOwnerException extends RuntimeException {
    StaleOwnerException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * An event the database refused for what it holds, or a later event of the same room (see
   * {@link #refusedVersion}): not written, and it never will be. The room's state in memory went
   * past what is stored; it must be reloaded from the log.
   */
  public static final class RefusedException extends RuntimeException {
    private final long refusedVersion;

    RefusedException(String message, long refusedVersion) {
      super(message, null, false, false);
      this.refusedVersion = refusedVersion;
    }

    /** The version of the room's event the database refused: this append's own, or an earlier one it follows. */
    public long refusedVersion() {
      return refusedVersion;
    }
  }

  private record Pending(LogEntry entry, long epoch, Promise<Void> done) {}

  private final Pool pool;
  private final Context context;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
  private volatile boolean healthy = true;
  /** Why writing fails, while it does (for /health); null while it works. */
  private volatile String failure;
  /** When writing started failing (System.nanoTime), for the line that says it works again. */
  private long failingSince;
  private long retryDelayMs;
  /** The connection of the batch in flight, if any: {@link #giveUp} cancels its statement. */
  private volatile io.vertx.sqlclient.SqlConnection writing;
  /** Set by {@link #close}: appends are refused from then on. */
  private volatile boolean closing;
  /**
   * Appends between their {@link #closing} check and their last queued event. {@link #close}
   * waits for none before it looks at the queue: an append that passed the check just as the log
   * closed is then in the queue, and written, rather than queued after "drained" (and written into
   * a closing pool). An append counts itself before it reads {@code closing}, and close sets
   * {@code closing} before it reads the count, so one of them sees the other.
   */
  private final java.util.concurrent.atomic.AtomicInteger appending = new java.util.concurrent.atomic.AtomicInteger();
  /** Set on {@link #context} when {@link #close}'s limit passed: nothing more is written or retried. */
  private volatile boolean gaveUp;
  /** Completed (on {@link #context}) once the queue is empty after {@link #close}. */
  private final Promise<Void> drained = Promise.promise();

  private final io.mockroom.metrics.ServerMetrics metrics;
  private final SlowCommits slowCommits = new SlowCommits(System::nanoTime, log::warn);

  private final boolean fenced;

  /** The event of a room the database refused: its version, and the epoch the room was claimed under. */
  private record Refused(long version, long epoch) {}

  /**
   * Per session, its event the database refused; only touched on {@link #context}. Later events
   * of the room that appended it (same epoch, higher version) fail without being written. Any
   * other event of the session clears it: one at that version or before, or under another epoch,
   * comes from the room reloaded from the log (here or, in a cluster, on another node). Appends are
   * queued in order, so every event the old room appended comes before the reloaded room's first.
   */
  private final java.util.Map<java.util.UUID, Refused> refusedAt = new java.util.HashMap<>();

  /** {@code fenced}: write only under the current ownership epoch of each room (cluster mode). */
  public EventLog(Vertx vertx, Pool pool, io.mockroom.metrics.ServerMetrics metrics, boolean fenced) {
    this.pool = pool;
    this.fenced = fenced;
    this.metrics = metrics;
    this.context = vertx.getOrCreateContext();
    metrics.gauge("mockroom_eventlog_backlog", "Session events waiting to be written", this::backlog);
  }

  public EventLog(Vertx vertx, Pool pool, io.mockroom.metrics.ServerMetrics metrics) {
    this(vertx, pool, metrics, false);
  }

  /** Appends events (in order); the future completes when all of them are committed. */
  public Future<Void> append(List<LogEntry> entries) {
    return append(entries, 0);
  }

  /**
   * Appends events of one room claimed under {@code epoch} (ignored unless fenced); the future
   * completes when all of them are committed, or fails with {@link StaleOwnerException} when the
   * room has been claimed since.
   */
  public Future<Void> append(List<LogEntry> entries, long epoch) {
    appending.incrementAndGet();
    try {
      if (closing) return Future.failedFuture(new ClosedException("The server is stopping; events are no longer written"));
      List<Future<Void>> all = new ArrayList<>(entries.size());
      for (LogEntry e : entries) {
        Promise<Void> p = Promise.promise();
        queue.add(new Pending(e, epoch, p));
        all.add(p.future());
      }
      kick();
      return all.size() == 1 ? all.get(0) : Future.all(all).mapEmpty();
    } finally {
      appending.decrementAndGet();
    }
  }

  public Future<Void> append(LogEntry entry) {
    return append(List.of(entry));
  }

  private final java.util.List<java.util.function.Consumer<Boolean>> healthListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Called (on the log's context) each time writing starts failing or works again. */
  public void onHealthChange(java.util.function.Consumer<Boolean> listener) {
    healthListeners.add(listener);
  }

  private void setHealthy(boolean value) {
    if (healthy == value) return;
    healthy = value;
    healthListeners.forEach(l -> l.accept(value));
  }

  /** True while the last write succeeded; false during an outage. */
  public boolean healthy() {
    return healthy;
  }

  /** Why session events cannot be written, while they cannot. */
  public java.util.Optional<String> failure() {
    return java.util.Optional.ofNullable(healthy ? null : failure);
  }

  /** Postgres's disk_full (53100), or the operating system's ENOSPC in its message. */
  private static boolean diskFull(Throwable e) {
    return e instanceof io.vertx.pgclient.PgException pg && "53100".equals(pg.getSqlState())
        || String.valueOf(e.getMessage()).contains("No space left on device");
  }

  public int backlog() {
    return queue.size() + inFlight.size();
  }

  /**
   * Stops taking appends and completes once every event appended before has been written (or has
   * failed as stale) — or, at {@code limit}, gives up on the rest: their appends fail with
   * {@link ClosedException}, so nobody is told they were stored (clients resend what was never
   * confirmed). Call it after the rooms stopped appending, before the pool is closed.
   *
   * @param control a pool of the same database other than the log's, through which a statement
   *     still waiting at the limit (on a lock, say) is cancelled: the log's pool could not close
   *     before it ended
   */
  public Future<Void> close(java.time.Duration limit, Pool control) {
    closing = true;
    context.runOnContext(v -> {
      long limitTimer = context.owner().setTimer(Math.max(1, limit.toMillis()), t -> giveUp(control));
      drained.future().onComplete(done -> context.owner().cancelTimer(limitTimer));
      drainOnceAppendsAreQueued();
    });
    return drained.future();
  }

  /** Runs on {@link #context}; {@link #writeNext} completes the drain when the queue empties. */
  private void drainOnceAppendsAreQueued() {
    if (appending.get() > 0) {
      context.owner().setTimer(1, t -> drainOnceAppendsAreQueued());
    } else if (!scheduled.get() && backlog() == 0) {
      drained.tryComplete();
    }
  }

  /** Runs on {@link #context} when {@link #close}'s limit is reached. */
  private void giveUp(Pool control) {
    if (drained.future().isComplete()) return;
    gaveUp = true;
    List<Pending> unwritten = new ArrayList<>(inFlight);
    inFlight.clear();
    for (Pending p; (p = queue.poll()) != null; ) unwritten.add(p);
    log.warn("Stopping with {} session events not written (the database did not take them in time); "
        + "they were never confirmed, so their clients send them again", unwritten.size());
    ClosedException e = new ClosedException("The server stopped before these events were written");
    unwritten.forEach(p -> p.done().tryFail(e));
    io.vertx.sqlclient.SqlConnection stuck = writing;
    if (stuck == null) {
      drained.tryComplete();
      return;
    }
    int pid = io.vertx.pgclient.PgConnection.cast(stuck).processId();
    control.preparedQuery("select pg_cancel_backend($1)").execute(Tuple.of(pid))
        .onFailure(err -> log.warn("Could not cancel the event log's last statement: {}", err.getMessage()))
        .onComplete(done -> drained.tryComplete());
  }

  private void kick() {
    if (scheduled.compareAndSet(false, true)) context.runOnContext(v -> writeNext());
  }

  /**
   * At most one batch starts per this interval. Idle, an event is written at once (the last batch
   * started long ago); under load, events gather for up to this long, so Postgres commits (and
   * flushes its WAL) a few hundred times a second however many rooms type — a commit costs far
   * more than a row.
   */
  static final long MIN_BATCH_INTERVAL_NANOS = 3_000_000;
  private long lastBatchStarted = System.nanoTime() - MIN_BATCH_INTERVAL_NANOS;

  /** Runs on {@link #context}; exactly one batch is in flight at a time. */
  private void writeNext() {
    if (inFlight.isEmpty()) {
      long wait = MIN_BATCH_INTERVAL_NANOS - (System.nanoTime() - lastBatchStarted);
      if (wait >= 1_000_000) {
        context.owner().setTimer(wait / 1_000_000, t -> writeNext());
        return;
      }
      Pending p;
      while (inFlight.size() < MAX_BATCH && (p = queue.poll()) != null) inFlight.add(p);
    }
    if (inFlight.isEmpty()) {
      scheduled.set(false);
      // An append may have slipped in between the poll and the flag reset.
      if (!queue.isEmpty()) kick();
      else if (closing) drainOnceAppendsAreQueued();
      return;
    }
    if (gaveUp) return; // the pool may be closing
    failFollowersOfRefused();
    if (inFlight.isEmpty()) {
      writeNext();
      return;
    }
    int n = inFlight.size();
    java.util.UUID[] sessions = new java.util.UUID[n];
    Long[] versions = new Long[n];
    String[] types = new String[n];
    java.util.UUID[] participants = new java.util.UUID[n];
    String[] payloads = new String[n];
    Long[] epochs = new Long[n];
    int i = 0;
    for (Pending p : inFlight) {
      LogEntry e = p.entry();
      sessions[i] = e.sessionId();
      versions[i] = e.version();
      types[i] = e.type();
      participants[i] = e.participantId();
      payloads[i] = e.payload();
      epochs[i] = p.epoch();
      i++;
    }
    Tuple batch = Tuple.of(sessions, versions, types, participants, payloads);
    if (fenced) batch.addArrayOfLong(epochs);
    long started = System.nanoTime();
    lastBatchStarted = started;
    pool.withConnection(conn -> {
      writing = conn;
      return conn.preparedQuery(fenced ? FENCED_BATCH_INSERT : BATCH_INSERT).execute(batch);
    }).onComplete(ar -> {
      writing = null;
      if (ar.succeeded()) {
        metrics.batchSize.record(n);
        long took = System.nanoTime() - started;
        metrics.commitLatency.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        slowCommits.committed(took, n);
        wrote();
        List<Pending> done = new ArrayList<>(inFlight);
        inFlight.clear();
        // Every row is written unless the fence kept it out: its room was claimed by another node.
        java.util.Set<String> written = ar.result().rowCount() == n ? null : new java.util.HashSet<>();
        if (written != null) ar.result().forEach(r -> written.add(r.getUUID(0) + "/" + r.getLong(1)));
        for (Pending p : done) {
          LogEntry e = p.entry();
          if (written != null && !written.contains(e.sessionId() + "/" + e.version())) {
            p.done().fail(new StaleOwnerException("Session " + e.sessionId() + " was claimed by another node after epoch " + p.epoch()));
          } else {
            p.done().complete();
          }
        }
        writeNext();
      } else if (gaveUp) {
        // Cancelled at close: these appends have already failed.
      } else if (isUniqueViolation(ar.cause()) || isAboutTheData(ar.cause())) {
        log.warn("A batch of {} session events failed on what one of them holds; writing them one by one: {}", n, ar.cause().getMessage());
        writeOneByOne();
      } else {
        retryLater(ar.cause());
      }
    });
  }

  /** The database took a write: the log is healthy (again). */
  private void wrote() {
    if (!healthy) {
      log.info("Session events are written again, after {} s in which they could not be", (System.nanoTime() - failingSince) / 1_000_000_000);
    }
    failure = null;
    setHealthy(true);
    retryDelayMs = 0;
  }

  /** The database could not be written: {@link #inFlight} is written again, whole and first, after a growing pause. */
  private void retryLater(Throwable cause) {
    if (healthy) {
      failingSince = System.nanoTime();
      if (diskFull(cause)) {
        // What to do, not only what failed: waiting for "the database to be back" mends nothing here.
        failure = "the database's disk is full (" + cause.getMessage() + "); free space on the disk Postgres writes to"
            + " (the embedded one's is the data folder's)";
        log.error("Writing {} session events failed: {}. Rooms show saving paused and keep every edit until then; they"
            + " are written as soon as there is room", inFlight.size(), failure);
      } else {
        failure = "the database could not be written (" + cause.getMessage() + ")";
        log.warn("Writing {} session events failed; retrying until the database is back: {}", inFlight.size(), cause.getMessage());
      }
    }
    setHealthy(false);
    retryDelayMs = Math.min(2000, Math.max(50, retryDelayMs * 2));
    context.owner().setTimer(retryDelayMs, t -> writeNext());
  }

  /**
   * Writes {@link #inFlight} one event at a time, in order, each in its own statement (committed
   * on its own), taking each off only once it is written or finally failed: a stale owner's event
   * fails with {@link StaleOwnerException}, a refused one with {@link RefusedException}, the others
   * are written. If the database cannot be written meanwhile, what is left goes back to the
   * ordinary retry, whole and first, as any batch. Runs on {@link #context}.
   */
  private void writeOneByOne() {
    if (gaveUp) return; // the pool may be closing; these appends have already failed
    failFollowersOfRefused();
    Pending p = inFlight.peek();
    if (p == null) {
      writeNext();
      return;
    }
    LogEntry e = p.entry();
    pool.withConnection(conn -> {
      writing = conn;
      return conn.preparedQuery(fenced ? FENCED_INSERT : INSERT).execute(row(p));
    }).onComplete(ar -> {
      writing = null;
      if (gaveUp) return;
      if (ar.succeeded()) {
        wrote();
        inFlight.poll();
        if (ar.result().rowCount() == 0) p.done().tryFail(new StaleOwnerException("Session " + e.sessionId() + " was claimed by another node"));
        else p.done().tryComplete();
      } else if (isUniqueViolation(ar.cause())) {
        wrote(); // the database answered
        inFlight.poll();
        p.done().tryFail(new StaleOwnerException("Session " + e.sessionId() + " version " + e.version() + " is already written by another owner"));
      } else if (isAboutTheData(ar.cause())) {
        wrote();
        inFlight.poll();
        refuse(p, ar.cause());
      } else {
        retryLater(ar.cause());
        return;
      }
      writeOneByOne();
    });
  }

  private void refuse(Pending p, Throwable cause) {
    LogEntry e = p.entry();
    refusedAt.put(e.sessionId(), new Refused(e.version(), p.epoch()));
    metrics.refusedEvents.increment();
    log.error("Session {}: event {} ({}, participant {}) was refused by the database and is not stored; "
        + "the room's later events are dropped and the room reloads from the log: {}",
        e.sessionId(), e.version(), e.type(), e.participantId(), cause.getMessage());
    p.done().tryFail(new RefusedException("The database refused to store event " + e.version() + " of session " + e.sessionId()
        + ": " + cause.getMessage(), e.version()));
  }

  /**
   * Fails, without writing them, the events of {@link #inFlight} that follow a refused event of
   * their room (see {@link #refusedAt}). Runs on {@link #context}, before each write.
   */
  private void failFollowersOfRefused() {
    if (refusedAt.isEmpty()) return;
    for (var it = inFlight.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      LogEntry e = p.entry();
      Refused refused = refusedAt.get(e.sessionId());
      if (refused == null) continue;
      if (e.version() <= refused.version() || p.epoch() != refused.epoch()) {
        refusedAt.remove(e.sessionId());
        continue;
      }
      it.remove();
      p.done().tryFail(new RefusedException("Event " + e.version() + " of session " + e.sessionId()
          + " follows its event " + refused.version() + ", which the database refused; it is not stored", refused.version()));
    }
  }

  private Tuple row(Pending p) {
    LogEntry e = p.entry();
    Tuple row = Tuple.of(e.sessionId(), e.version(), e.type(), e.participantId(), e.payload());
    return fenced ? row.addLong(p.epoch()) : row;
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
  }

  /**
   * An error about what a row holds, not about the database being reachable: a data exception
   * (class 22: an escape jsonb cannot hold, a bad value), an integrity constraint (class 23; the
   * unique (session, version) key is told apart by {@link #isUniqueViolation}) or a size limit
   * (class 54). Writing the same row again would fail the same way. Anything else — a lost
   * connection (08), a restart (57P), a serialization failure (40), no connection at all — is
   * about the database, and is retried until it is back.
   */
  static boolean isAboutTheData(Throwable e) {
    if (!(e instanceof io.vertx.pgclient.PgException pg) || pg.getSqlState() == null) return false;
    String state = pg.getSqlState();
    return state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
  }
}
