package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A thousand rooms opened together, each typing its first answer ("q-0" in every room) one
 * keystroke per push: every document is snapshotted once per 100 versions, always 100 apart, but
 * not all at the same version — no version takes more than a few percent of the rooms' snapshots.
 * A push of several updates that passes a snapshot point takes the snapshot.
 */
class RoomsTypingInStepSnapshotAtDifferentVersionsTest {
  static final int ROOMS = 1_000;

  @Test
  void eachDocumentEveryHundredVersionsAtAPhaseOfItsOwn() {
    Random random = new Random(7);
    int[] atVersion = new int[SnapshotSchedule.EVERY];
    for (int r = 0; r < ROOMS; r++) {
      UUID room = new UUID(random.nextLong(), random.nextLong());
      List<Integer> snapshots = new ArrayList<>();
      for (int v = 1; v <= 1_000; v++) if (SnapshotSchedule.due(room, "q-0", v, 1)) snapshots.add(v);
      assertThat(snapshots).as("room %s", room).hasSize(10);
      for (int k = 1; k < snapshots.size(); k++) assertThat(snapshots.get(k) - snapshots.get(k - 1)).isEqualTo(100);
      atVersion[snapshots.get(0) - 1]++;
    }
    int busiest = 0;
    int used = 0;
    for (int n : atVersion) {
      busiest = Math.max(busiest, n);
      if (n > 0) used++;
    }
    assertThat(busiest).as("rooms whose first snapshot falls on the busiest version").isLessThanOrEqualTo(ROOMS / 25);
    assertThat(used).as("versions some room's first snapshot falls on").isGreaterThan(90);
  }

  @Test
  void aPushOfSeveralUpdatesThatPassesASnapshotPointTakesIt() {
    UUID room = new UUID(1, 2);
    int point = 0;
    for (int v = 1; v <= 100; v++) if (SnapshotSchedule.due(room, "q-1", v, 1)) point = v;
    for (int size = 1; size <= 10; size++) {
      for (int end = point; end < point + size; end++) {
        assertThat(SnapshotSchedule.due(room, "q-1", end, size)).as("%d updates up to %d", size, end).isTrue();
      }
      assertThat(SnapshotSchedule.due(room, "q-1", point + size, size)).as("%d updates after the point", size).isFalse();
    }
  }
}
