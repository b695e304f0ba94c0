package io.mockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 10-second smoke run of the load generator against the packaged server (its own JVM and
 * embedded Postgres): a few rooms type through the real protocol and every edit reaches every
 * receiver exactly once. It checks the benchmark and the server keep working together; it
 * asserts no timings (those are measured by scripts/bench.sh, never by tests).
 */
class TheBenchmarkLosesNothingInASmokeRunIT {

  @Test
  void fiveTypingRoomsDeliverEveryEditOnceAndJoinsSucceed() throws Exception {
    LoadGenerator.Result r = LoadGenerator.run(5, 2, 8);
    LoadGenerator.print(r);
    assertThat(r.rooms()).isEqualTo(5);
    assertThat(r.offeredPerSec()).as("5 rooms typing 5 characters a second").isBetween(15.0, 35.0);
    assertThat(r.deliveredPerSec()).as("each edit reaches two receivers").isGreaterThan(r.offeredPerSec());
    assertThat(r.lost()).as("edits confirmed but never delivered").isZero();
    assertThat(r.duplicates()).as("gaps or repeats in a receiver's versions").isZero();
    assertThat(r.errors()).isZero();
    assertThat(r.disconnects()).isZero();
    assertThat(r.joinP50()).as("sockets joined during the run got their welcome").isPositive();
    assertThat(r.disk().count()).as("the disk probe flushed through the window").isPositive();
    assertThat(r.disk().maxMs()).isGreaterThanOrEqualTo(r.disk().p50Ms()).isPositive();
    assertThat(r.sendMicros()).as("the loopback send probe ran before the server started").isPositive().isFinite();
  }
}
