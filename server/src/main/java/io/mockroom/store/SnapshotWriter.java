package io.mockroom.store;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes document snapshots in the background: what is queued goes in statements of at most
 * {@link #MAX_BATCH} rows and {@link #MAX_BATCH_CHARS} characters of text, one statement at a
 * time and then a pause of {@link #PAUSE_MS}, committed without waiting for the disk.
 *
 * <p>Why: a snapshot is a convenience — the event log holds every update, so a lost snapshot
 * loses nothing — and rooms take one every 100 versions of a document. Written one transaction
 * each, with a durable commit each, rooms that reach such a version together (the benchmark's
 * 1,000 rooms typing in step do, every 20 s) sent Postgres a thousand transactions and WAL
 * flushes within a fraction of a second, on the CPU and the disk that commit everyone's
 * keystrokes. One statement per burst was still too much once answers are long: 1,000 rooms at
 * 20,000 characters reaching version 100 together is 20 MB of text, and every room waited while
 * Postgres took it (p99 236 ms in the benchmark's {@code --answer 20000}). Paced, a burst takes a
 * slice of the core for a while instead of all of it. Rooms being loaded start their documents
 * from the snapshots ({@code RoomLoader}). Invariants: at most one
 * statement in flight; at most {@link #MAX_QUEUED} snapshots wait (beyond that, during a database
 * outage, new ones are dropped and counted).
 */
public final class SnapshotWriter {
  private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
  static final int MAX_BATCH = 500;
  static final int MAX_BATCH_CHARS = 256 * 1024;
  static final long PAUSE_MS = 20;
  static final int MAX_QUEUED = 10_000;

  /**
   * One statement per batch; {@code set_config(..., true)} turns off the wait for the WAL flush
   * for this statement's own transaction only (it is read at its commit), keeping the event log's
   * commits durable. A snapshot of a session deleted since it was taken is skipped: its foreign
   * key would fail the whole batch, and with it other rooms' snapshots.
   */
  private static final String INSERT = """
      insert into document_snapshots (session_id, document_id, doc_version, log_version, text)
      select s, d, v, l, t
        from unnest($1::uuid[], $2::text[], $3::int4[], $4::int8[], $5::text[]) as u(s, d, v, l, t)
       where set_config('synchronous_commit', 'off', true) is not null
         and exists (select 1 from sessions where id = u.s)
      on conflict do nothing""";

  record Snapshot(UUID sessionId, String doc, int docVersion, long logVersion, String text) {}

  private final Pool pool;
  private final Context context;
  private final ConcurrentLinkedQueue<Snapshot> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicInteger dropped = new AtomicInteger();
  private boolean writing;

  public SnapshotWriter(Vertx vertx, Pool pool) {
    this.pool = pool;
    this.context = vertx.getOrCreateContext();
  }

  /** Queues a snapshot of {@code doc} of a session; returns at once, from any thread. */
  public void write(UUID sessionId, String doc, int docVersion, long logVersion, String text) {
    if (queued.incrementAndGet() > MAX_QUEUED) {
      queued.decrementAndGet();
      if (dropped.getAndIncrement() % 1000 == 0) log.warn("Snapshots are not being written (database away?); {} dropped so far", dropped.get());
      return;
    }
    queue.add(new Snapshot(sessionId, doc, docVersion, logVersion, text));
    if (scheduled.compareAndSet(false, true)) context.runOnContext(v -> writeNext());
  }

  /** Runs on {@link #context}. */
  private void writeNext() {
    scheduled.set(false);
    if (writing) return;
    List<Snapshot> batch = new ArrayList<>();
    long chars = 0;
    for (Snapshot s; batch.size() < MAX_BATCH && chars < MAX_BATCH_CHARS && (s = queue.poll()) != null; ) {
      batch.add(s);
      chars += s.text().length();
    }
    if (batch.isEmpty()) return;
    queued.addAndGet(-batch.size());
    writing = true;
    List<UUID> sessions = new ArrayList<>(batch.size());
    List<String> docs = new ArrayList<>(batch.size());
    List<Integer> versions = new ArrayList<>(batch.size());
    List<Long> logVersions = new ArrayList<>(batch.size());
    List<String> texts = new ArrayList<>(batch.size());
    for (Snapshot s : batch) {
      sessions.add(s.sessionId());
      docs.add(s.doc());
      versions.add(s.docVersion());
      logVersions.add(s.logVersion());
      texts.add(s.text());
    }
    Tuple args = Tuple.of(sessions.toArray(new UUID[0]), docs.toArray(new String[0]), versions.toArray(new Integer[0]),
        logVersions.toArray(new Long[0]), texts.toArray(new String[0]));
    pool.preparedQuery(INSERT).execute(args).onComplete(ar -> {
      // Best effort: the log holds every update, so a failed batch loses nothing (not retried).
      if (ar.failed()) log.warn("{} snapshot(s) not written: {}", batch.size(), ar.cause().getMessage());
      // The pause is what keeps a burst from taking the core: the next batch waits its turn.
      context.owner().setTimer(PAUSE_MS, t -> {
        writing = false;
        if (!queue.isEmpty()) writeNext();
      });
    });
  }
}
