package io.mockroom.bench;

import java.util.Arrays;

/** Latency samples in microseconds; grows as needed. Single-threaded (the generator's event loop). */
final class Latencies {
  private long[] samples = new long[1 << 16];
  private int n;

  void add(long micros) {
    if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
    samples[n++] = micros;
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
