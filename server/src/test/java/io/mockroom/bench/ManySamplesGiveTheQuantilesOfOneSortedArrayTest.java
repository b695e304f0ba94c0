package io.mockroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The benchmark keeps its samples in fixed chunks (a doubling array made the generator stand
 * still for a full GC in long runs); the quantiles over chunk boundaries, per minute or of the
 * whole window, are those of all the samples sorted in one array.
 */
class ManySamplesGiveTheQuantilesOfOneSortedArrayTest {
  @Test
  void quantilesAcrossChunksAreExact() {
    long[] now = {0};
    Latencies lat = new Latencies(() -> now[0]);
    Random random = new Random(7);
    int n = 300_001; // several chunks and a part of one
    long[] all = new long[n];
    long[] firstMinute = new long[200_000];
    for (int i = 0; i < n; i++) {
      if (i == firstMinute.length) now[0] = 60_000_000_000L;
      all[i] = 1 + random.nextInt(5_000_000);
      if (i < firstMinute.length) firstMinute[i] = all[i];
      lat.add(all[i]);
    }
    Arrays.sort(all);
    Arrays.sort(firstMinute);

    assertEquals(n, lat.count());
    for (double q : new double[] {0.5, 0.95, 0.99, 1}) {
      int i = (int) Math.ceil(q * n) - 1;
      assertEquals(all[i] / 1000.0, lat.quantileMs(q), "q=" + q);
    }
    String first = lat.perMinute(1);
    assertEquals(String.format(java.util.Locale.ROOT, "1: %.1f/%.1f/%d ms", firstMinute[99_999] / 1000.0,
        firstMinute[197_999] / 1000.0, firstMinute[199_999] / 1000), first);
  }
}
