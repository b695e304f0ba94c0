package io.mockroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A long benchmark run prints p50/p99/max per minute of its window, so a tail that grows with
 * the event log (vacuums, checkpoints, a bigger index) shows up as a trend instead of being
 * averaged into one figure. Samples count in the minute they were seen in, a minute without
 * samples is left out, and so is anything past the window's last whole minute.
 */
class ALongRunReportsEachMinuteOnItsOwnTest {
  private static final long MINUTE = 60_000_000_000L;

  @Test
  void eachMinuteHasItsOwnQuantiles() {
    long[] now = {1_000};
    Latencies lat = new Latencies(() -> now[0]);
    for (int i = 1; i <= 100; i++) lat.add(i * 1_000L); // minute 1: 1..100 ms
    now[0] += MINUTE + 5;
    lat.add(7_000); // minute 2: one sample
    now[0] += 2 * MINUTE; // minute 3 passes without samples
    for (int i = 0; i < 10; i++) lat.add(2_500); // minute 4
    now[0] += MINUTE;
    lat.add(900_000); // minute 5: after a four-minute window

    assertEquals("1: 50.0/99.0/100 ms | 2: 7.0/7.0/7 ms | 4: 2.5/2.5/2 ms", lat.perMinute(4));
    assertEquals(112, lat.count());
    assertEquals(900.0, lat.quantileMs(1));
  }
}
