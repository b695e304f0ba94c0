package io.mockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The disk probe's figures (docs/performance.md): a stall of S ms makes the edits typed in its
 * first S - 50 ms late, so only the time past 50 ms counts, and 1 % of the window of it is
 * enough to put the p99 over 50 ms.
 */
class OnlyAFlushsTimeBeyondFiftyMillisecondsCountsAgainstTheP99Test {

  @Test
  void fastFlushesCountNothingAndAStallCountsItsTimePastFiftyMilliseconds() {
    long[] micros = new long[1000];
    java.util.Arrays.fill(micros, 400);    // 0.4 ms: this disk's usual flush
    micros[10] = 50_000;                   // exactly 50 ms: nothing late
    micros[500] = 185_000;                 // 135 ms past
    micros[900] = 90_000;                  // 40 ms past
    DiskFlushes d = DiskFlushes.of(micros, 30);
    assertThat(d.count()).isEqualTo(1000);
    assertThat(d.beyondMs()).isCloseTo(175.0, within(1e-9));
    assertThat(d.p50Ms()).isEqualTo(0.4);
    assertThat(d.p99Ms()).isEqualTo(0.4);
    assertThat(d.p999Ms()).isEqualTo(90.0);
    assertThat(d.maxMs()).isEqualTo(185.0);
    assertThat(d.boundsTheP99()).as("175 ms is under 1 %% of a 30-s window").isFalse();
    assertThat(d.describe()).contains("beyond50ms=175ms").doesNotContain("BOUNDED");
  }

  @Test
  void stallsPastFiftyMillisecondsForOnePercentOfTheWindowBoundTheP99() {
    long[] micros = {400, 250_000, 160_000}; // 200 + 110 = 310 ms past, of a 30-s window's 300
    DiskFlushes d = DiskFlushes.of(micros, 30);
    assertThat(d.beyondMs()).isCloseTo(310.0, within(1e-9));
    assertThat(d.boundsTheP99()).isTrue();
    assertThat(d.describe()).contains("P99 BOUNDED BY THE DISK");
    assertThat(DiskFlushes.of(micros, 40).boundsTheP99()).as("the same stalls in a 40-s window").isFalse();
  }
}
