package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A document's text is edited in place ({@link ChangeSet#applyTo}) rather than copied per
 * keystroke; it must give exactly the text {@link ChangeSet#apply} gives, for change sets of any
 * shape (several replacements, deletions, inserts at either end, astral characters).
 */
class AChangeSetAppliedInPlaceGivesWhatApplyReturnsTest {
  private static final String[] PIECES = {"", "a", "xyz", "é", "😀", "line\nbreak", "  "};

  @Test
  void randomChangeSetsGiveTheSameTextInPlace() {
    Random random = new Random(20261123);
    for (int n = 0; n < 5000; n++) {
      String doc = randomText(random, random.nextInt(40));
      ChangeSet changes = ChangeSet.empty(doc.length());
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        int length = changes.newLength();
        int from = random.nextInt(length + 1);
        int to = from + random.nextInt(length - from + 1);
        changes = changes.compose(ChangeSet.replace(length, from, to, PIECES[random.nextInt(PIECES.length)]));
      }
      StringBuilder inPlace = new StringBuilder(doc);
      changes.applyTo(inPlace);
      assertThat(inPlace.toString()).as("%s applied to \"%s\"", changes, doc).isEqualTo(changes.apply(doc));
    }
  }

  @Test
  void changesForAnotherLengthAreRefusedAndTouchNothing() {
    StringBuilder doc = new StringBuilder("hello");
    ChangeSet forSix = ChangeSet.replace(6, 0, 1, "J");
    assertThatThrownBy(() -> forSix.applyTo(doc)).isInstanceOf(InvalidChangeSetException.class);
    assertThat(doc.toString()).isEqualTo("hello");
  }

  private static String randomText(Random random, int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) out.append(PIECES[random.nextInt(PIECES.length)]);
    return out.toString();
  }
}
