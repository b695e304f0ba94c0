package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A document keeps its last updates in a compact ring that wraps over and over. Fed the same
 * pushes — several editors, made at recent versions, so many are rebased and some refused as
 * stale — a document keeping 7 updates answers every push it can still judge exactly as one
 * that keeps everything, and serves the same updates to a client catching up. With long pastes
 * among the keystrokes, the ring's byte store grows, moves its kept bytes and shrinks again.
 */
class AShortHistoryAnswersAsALongOneWhileItReachesTest {
  @Test
  void sameAnswersAndSameCatchUpAsAnUnboundedDocument() {
    for (long seed = 1; seed <= 40; seed++) compare(seed, 0);
  }

  @Test
  void sameAnswersWithLongPastesAmongTheKeystrokes() {
    for (long seed = 1; seed <= 40; seed++) compare(seed, 15);
  }

  /** One random run; {@code pasteOneIn} > 0: about one insert in that many is 200–3,000 characters. */
  private static void compare(long seed, int pasteOneIn) {
    Random r = new Random(seed);
    CollabDocument ring = new CollabDocument(1_000_000, 7);
    CollabDocument all = new CollabDocument(1_000_000, 1_000_000);
    List<String> texts = new ArrayList<>(List.of(""));
    int accepted = 0;
    for (int step = 0; step < 400; step++) {
      int base = Math.max(ring.oldestVersion(), ring.version() - r.nextInt(5));
      String at = texts.get(base);
      List<Update> push = new ArrayList<>();
      String editor = "editor-" + r.nextInt(3);
      for (int n = 1 + r.nextInt(2); n > 0; n--) {
        int from = r.nextInt(at.length() + 1);
        int to = Math.min(at.length(), from + (r.nextInt(4) == 0 ? r.nextInt(3) : 0));
        String insert = pasteOneIn > 0 && r.nextInt(pasteOneIn) == 0 ? paste(r, 200 + r.nextInt(2_801))
            : r.nextInt(5) == 0 ? "" : RandomChangeSets.class.getSimpleName().substring(0, 1 + r.nextInt(3));
        ChangeSet c = ChangeSet.replace(at.length(), from, to, insert);
        push.add(new Update(editor, c));
        at = c.apply(at);
      }
      String where = "seed " + seed + ", step " + step;
      CollabDocument.PushResult a = ring.push(base, push);
      CollabDocument.PushResult b = all.push(base, push);
      assertThat(a).as(where).isEqualTo(b);
      assertThat(ring.text()).as(where).isEqualTo(all.text());
      if (a.accepted()) {
        accepted++;
        while (texts.size() <= ring.version()) texts.add(ring.text());
      }
      int since = ring.oldestVersion() + r.nextInt(ring.version() - ring.oldestVersion() + 1);
      assertThat(ring.updatesSince(since)).as(where).isEqualTo(all.updatesSince(since));
      assertThat(ring.updatesSince(ring.oldestVersion() - 1)).as(where).isEmpty();
    }
    assertThat(ring.version()).as("the ring wrapped many times").isGreaterThan(100);
    assertThat(accepted).isGreaterThan(100);
  }

  private static String paste(Random r, int length) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) s.append(r.nextInt(8) == 0 ? "é\n" : "x");
    return s.toString();
  }
}
