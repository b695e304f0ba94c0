package io.mockroom.bench;

import java.util.Arrays;

/**
 * What the disk's flushes cost during a window (see {@link DiskFlushProbe}), in milliseconds.
 *
 * <p>{@code beyondMs} is the sum, over flushes slower than {@value #SLO_MS} ms, of the time past
 * {@value #SLO_MS} ms. Every keystroke's commit waits for a flush, so during a stall of S ms the
 * edits typed in its first S - 50 ms are delivered more than 50 ms after they were typed,
 * however many rooms there are: once {@code beyondMs} reaches 1 % of the window, the disk
 * alone puts the fan-out p99 over 50 ms ({@link #boundsTheP99}).
 *
 * @param count flushes measured
 * @param seconds how long they were measured
 */
record DiskFlushes(int count, double seconds, double p50Ms, double p99Ms, double p999Ms, double maxMs, double beyondMs) {
  static final int SLO_MS = 50;

  /** From each flush's latency in microseconds, measured over {@code seconds}. */
  static DiskFlushes of(long[] micros, double seconds) {
    long[] s = micros.clone();
    Arrays.sort(s);
    long beyond = 0;
    for (long m : s) beyond += Math.max(0, m - SLO_MS * 1000L);
    return new DiskFlushes(s.length, seconds, quantileMs(s, .5), quantileMs(s, .99), quantileMs(s, .999),
        quantileMs(s, 1), beyond / 1000.0);
  }

  /** Whether the disk's stalls alone put the p99 of what was typed meanwhile over 50 ms. */
  boolean boundsTheP99() {
    return beyondMs >= seconds * 1000 / 100;
  }

  String describe() {
    return String.format(java.util.Locale.ROOT, "disk flush p50=%.1fms p99=%.1fms p99.9=%.1fms max=%.0fms beyond50ms=%.0fms (%.2f%% of %.0fs)%s",
        p50Ms, p99Ms, p999Ms, maxMs, beyondMs, beyondMs / (seconds * 10), seconds,
        boundsTheP99() ? " (P99 BOUNDED BY THE DISK)" : "");
  }

  private static double quantileMs(long[] sortedMicros, double q) {
    return sortedMicros.length == 0 ? Double.NaN : Latencies.quantile(sortedMicros, q) / 1000.0;
  }
}
