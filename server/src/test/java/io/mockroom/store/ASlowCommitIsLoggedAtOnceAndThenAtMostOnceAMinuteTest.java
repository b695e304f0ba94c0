package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every room waits for the event log's commit, so a slow one is worth a line in the log — but a
 * disk that stalls every few seconds must not fill it: the first slow commit is reported at once,
 * later ones are counted into at most one line a minute, with the worst of them.
 */
class ASlowCommitIsLoggedAtOnceAndThenAtMostOnceAMinuteTest {
  private long now = 1_000_000_000L;
  private final List<String> lines = new ArrayList<>();
  private final SlowCommits slow = new SlowCommits(() -> now, lines::add);

  @Test
  void fastCommitsSayNothing() {
    slow.committed(499_000_000, 20);
    slow.committed(3_000_000, 20);
    assertThat(lines).isEmpty();
  }

  @Test
  void theFirstSlowCommitIsReportedAtOnceAndTheNextOnesAMinuteLaterWithTheWorst() {
    slow.committed(700_000_000, 31);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("took 700 ms", "1 commit(s) of 500 ms or more so far", "of 31 events", "disk");

    now += 10_000_000_000L;
    slow.committed(900_000_000, 12);
    now += 20_000_000_000L;
    slow.committed(600_000_000, 8);
    assertThat(lines).as("within the minute").hasSize(1);

    now += 31_000_000_000L;
    slow.committed(550_000_000, 5);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("took 900 ms", "3 commit(s) of 500 ms or more since the last such line", "of 5 events");

    now += 61_000_000_000L;
    slow.committed(520_000_000, 2);
    assertThat(lines.get(2)).as("counts start again after each line").contains("took 520 ms", "1 commit(s)");
  }
}
