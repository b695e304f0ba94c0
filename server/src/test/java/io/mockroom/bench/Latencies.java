package io.mockroom.bench;

import java.util.Arrays;

/** Latency samples in microseconds; grows as needed. Single-threaded (the generator's event loop). */
final class Latencies {
  private static final long SLOT_NANOS = 100_000_000;
  private final long started = System.nanoTime();
  private long[] samples = new long[1 << 16];
  private int n;
  /** The worst latency per 100 ms of the window, by when it was seen: where the tail happened. */
  private long[] worstPerSlot = new long[64];

  void add(long micros) {
    if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
    samples[n++] = micros;
    int slot = (int) ((System.nanoTime() - started) / SLOT_NANOS);
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

  int count() {
    return n;
  }

  /** The q-quantile in milliseconds (q in 0..1). */
  double quantileMs(double q) {
    if (n == 0) return Double.NaN;
    long[] s = Arrays.copyOf(samples, n);
    Arrays.sort(s);
    int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    return s[i] / 1000.0;
  }
}
