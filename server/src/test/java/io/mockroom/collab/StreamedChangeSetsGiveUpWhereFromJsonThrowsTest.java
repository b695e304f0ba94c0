package io.mockroom.collab;

import static io.mockroom.collab.StreamedChangeSetsAreExactlyWhatFromJsonBuildsTest.JSON;
import static io.mockroom.collab.StreamedChangeSetsAreExactlyWhatFromJsonBuildsTest.assertIdentical;
import static io.mockroom.collab.StreamedChangeSetsAreExactlyWhatFromJsonBuildsTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wherever {@link ChangeSet#fromJson} throws, {@link ChangeSetReader} gives up (null), so the tree
 * path runs and says what is wrong; wherever fromJson builds a set, the reader builds the same one.
 * Checked on fromJson's own rejects, on the limits, and on generated JSON of every shape.
 */
class StreamedChangeSetsGiveUpWhereFromJsonThrowsTest {
  private static final String[] NUMBERS = {
    "0", "-0", "7", "-1", "-2147483648", "2147483647", "2147483648", "4294967296", "99999999999999999999",
    "1.5", "2.0", "0.0", "-0.0", "1e3", "1E0", "3e-1",
  };

  /** Both give up, or both build the same set; returns whether they built one. */
  private static boolean agree(String json) throws IOException {
    ChangeSet tree;
    try {
      tree = ChangeSet.fromJson(JSON.readTree(json));
    } catch (InvalidChangeSetException e) {
      assertThat(stream(json)).as(json + " (fromJson: " + e.getMessage() + ")").isNull();
      return false;
    }
    assertIdentical(stream(json), tree, json);
    return true;
  }

  @Test
  void whatFromJsonRejectsIsGivenUp() throws IOException {
    for (String json : new String[] {
      "{\"a\":1}", "\"3\"", "3", "null", "[\"3\"]", "[1,[]]", "[[\"a\",1]]", "[null]", "[true]", "[{}]",
      "[[0,\"a\",2]]", "[[0,\"a\",null]]", "[[0,\"a\",[\"b\"]]]", "[[0,\"a\",{}]]", "[[[0],\"a\"]]", "[[null,\"a\"]]",
      "[-1]", "[[-2,\"x\"]]", "[1.5]", "[[1.0]]", "[1e3]", "[4294967296]", "[[4294967296,\"x\"]]",
      "[99999999999999999999]", "[2147483647,1]", "[2147483647,[0,\"x\"]]", "[[2147483647,\"x\"],[1]]",
    }) {
      assertThat(agree(json)).as(json).isFalse();
    }
  }

  @Test
  void theLimitOnPartsIsTheSame() throws IOException {
    String atLimit = "[" + "[0,\"x\"],".repeat(ChangeSet.MAX_PARTS - 1) + "[0,\"x\"]]";
    assertThat(agree(atLimit)).isTrue();
    String overLimit = "[" + "1,".repeat(ChangeSet.MAX_PARTS) + "1]";
    assertThat(agree(overLimit)).isFalse();
  }

  @Test
  void generatedJsonOfEveryShapeGetsTheSameAnswer() throws IOException {
    int built = 0;
    int givenUp = 0;
    for (long seed = 0; seed < 20_000; seed++) {
      Random r = new Random(seed);
      String json = r.nextInt(20) == 0 ? value(r, 0) : array(r, 0);
      if (agree(json)) built++;
      else givenUp++;
    }
    assertThat(built).isGreaterThan(2_000);
    assertThat(givenUp).isGreaterThan(2_000);
  }

  /** Mostly arrays whose parts look like ChangeSet parts, one wrong element away from valid. */
  private static String array(Random r, int depth) {
    StringBuilder out = new StringBuilder("[");
    int n = r.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < n; i++) {
      if (i > 0) out.append(',');
      out.append(i == 0 && depth > 0 && r.nextInt(4) > 0 ? number(r) : depth > 0 && r.nextInt(3) > 0
          ? ChangeSetJsonText.string(r, ChangeSetJsonText.line(r)) : value(r, depth + 1));
    }
    return out.append(']').toString();
  }

  private static String value(Random r, int depth) {
    return switch (r.nextInt(depth >= 3 ? 5 : 8)) {
      case 0, 1 -> number(r);
      case 2 -> ChangeSetJsonText.string(r, ChangeSetJsonText.line(r));
      case 3 -> new String[] {"null", "true", "false"}[r.nextInt(3)];
      case 4 -> r.nextBoolean() ? "{}" : "{\"a\":[1]}";
      default -> array(r, depth);
    };
  }

  private static String number(Random r) {
    return r.nextInt(3) == 0 ? NUMBERS[r.nextInt(NUMBERS.length)] : String.valueOf(r.nextInt(30));
  }
}
