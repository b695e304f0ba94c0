package io.mockroom.store;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells the operator, in the log, when the event log's commits get slow: every room's keystrokes
 * wait for that commit, so a commit of 700 ms is every interview's typing pausing for 700 ms —
 * almost always the database's disk taking that long to flush (docs/performance.md, ninth round).
 * At most one line a minute: the first slow commit says so at once, the next ones are counted
 * into the following line, with the worst of them. Called on the event log's context only.
 */
final class SlowCommits {
  static final long SLOW_NANOS = 500_000_000;
  private static final long QUIET_NANOS = 60_000_000_000L;

  private final LongSupplier nanoClock;
  private final Consumer<String> warn;
  private long lastWarned;
  private boolean warnedYet;
  private int unreported;
  private long worstUnreportedNanos;

  SlowCommits(LongSupplier nanoClock, Consumer<String> warn) {
    this.nanoClock = nanoClock;
    this.warn = warn;
  }

  /** A batch of {@code events} was committed in {@code nanos}. */
  void committed(long nanos, int events) {
    if (nanos < SLOW_NANOS) return;
    unreported++;
    worstUnreportedNanos = Math.max(worstUnreportedNanos, nanos);
    long now = nanoClock.getAsLong();
    if (warnedYet && now - lastWarned < QUIET_NANOS) return;
    warn.accept(String.format(java.util.Locale.ROOT,
        "Session events took %d ms to commit (%d commit(s) of %d ms or more %s, latest of %d events): every room's typing waited"
            + " that long. Usually the database's disk is slow to flush; watch mockroom_eventlog_commit_seconds",
        worstUnreportedNanos / 1_000_000, unreported, SLOW_NANOS / 1_000_000, warnedYet ? "since the last such line" : "so far", events));
    warnedYet = true;
    lastWarned = now;
    unreported = 0;
    worstUnreportedNanos = 0;
  }
}
