package io.mockroom.bench;

import java.util.Arrays;

/** Latency samples in microseconds (in {@link LongChunks}). Single-threaded (the generator's event loop). */
final class Latencies {
  private static final long SLOT_NANOS = 100_000_000;
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private final java.util.function.LongSupplier clock;
  private final long started;
  private final LongChunks samples = new LongChunks(1 << 16);
  /** The worst latency per 100 ms of the window, by when it was seen: where the tail happened. */
  private long[] worstPerSlot = new long[64];
  /** The index of the first sample of each minute of the window: samples arrive in time order. */
  private int[] minuteStarts = {0};

  Latencies() {
    this(System::nanoTime);
  }

  /** With a clock in nanoseconds, for a test. */
  Latencies(java.util.function.LongSupplier clock) {
    this.clock = clock;
    this.started = clock.getAsLong();
  }

  void add(long micros) {
    long elapsed = clock.getAsLong() - started;
    int minute = (int) (elapsed / MINUTE_NANOS);
    while (minuteStarts.length <= minute) {
      minuteStarts = Arrays.copyOf(minuteStarts, minuteStarts.length + 1);
      minuteStarts[minuteStarts.length - 1] = samples.size();
    }
    samples.add(micros);
    int slot = (int) (elapsed / SLOT_NANOS);
    if (slot >= worstPerSlot.length) worstPerSlot = Arrays.copyOf(worstPerSlot, Math.max(slot + 1, worstPerSlot.length * 2));
    worstPerSlot[slot] = Math.max(worstPerSlot[slot], micros);
  }

  /**
   * The {@code k} 100-ms slots with the worst latency, as "+12.3s 180ms" (seconds since the
   * window opened), worst first: to line up with the server's GC log or other pauses.
   */
  String worstSlots(int k) {
    Integer[] order = new Integer[worstPerSlot.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(worstPerSlot[b], worstPerSlot[a]));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(k, order.length) && worstPerSlot[order[i]] > 0; i++) {
      out.append(String.format(java.util.Locale.ROOT, "%s+%.1fs %dms", i == 0 ? "" : ", ", order[i] / 10.0, worstPerSlot[order[i]] / 1000));
    }
    return out.toString();
  }

  /**
   * p50, p99 and max of each of the first {@code minutes} minutes of the window, as
   * "1: 4.1/30.2/80 ms | 2: …": whether a long run holds its latency as the event log grows,
   * vacuums and checkpoints. A minute without samples is left out.
   */
  String perMinute(int minutes) {
    StringBuilder out = new StringBuilder();
    for (int m = 0; m < Math.min(minutes, minuteStarts.length); m++) {
      int from = minuteStarts[m];
      int to = m + 1 < minuteStarts.length ? minuteStarts[m + 1] : samples.size();
      if (to == from) continue;
      long[] s = samples.sorted(from, to);
      out.append(out.length() == 0 ? "" : " | ").append(String.format(java.util.Locale.ROOT, "%d: %.1f/%.1f/%d ms",
          m + 1, quantile(s, .5) / 1000.0, quantile(s, .99) / 1000.0, s[s.length - 1] / 1000));
    }
    return out.toString();
  }

  int count() {
    return samples.size();
  }

  /** The q-quantile in milliseconds (q in 0..1). */
  double quantileMs(double q) {
    if (samples.size() == 0) return Double.NaN;
    return quantile(samples.sorted(0, samples.size()), q) / 1000.0;
  }

  /** The q-quantile of sorted samples (nearest rank), in their unit. */
  static long quantile(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[i];
  }
}
