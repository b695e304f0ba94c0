package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeSet#toJsonString()} writes without Jackson what {@code toJson().toString()} writes
 * with it, for random sets full of text JSON must escape (and text it must not), and it parses back.
 */
class ChangeSetJsonIsWrittenToTheCharacterAsJacksonWritesItTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void randomSetsAreWrittenAsJacksonWritesThemAndParseBack() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random r = new Random(seed);
      for (int i = 0; i < 500; i++) {
        ChangeSet set = RandomChangeSets.next(r, true);
        String at = "seed " + seed + ", set " + i;
        String written = set.toJsonString();
        assertThat(written).as(at).isEqualTo(set.toJson().toString());
        // Parses back to the set itself; a lone surrogate comes back as U+FFFD (see Utf16).
        assertThat(ChangeSet.fromJson(JSON.readTree(written))).as(at).isEqualTo(ChangeSet.fromJson(set.toJson()));
      }
    }
  }

  @Test
  void everyKindOfPartIsWrittenAsCodeMirrorWritesIt() {
    // Composed, not read from JSON: read from a client, U+0000 would be U+FFFD (see Utf16).
    ChangeSet set = ChangeSet.replace(9, 2, 3, "").compose(
        ChangeSet.replace(8, 4, 4, "\nq\"\\\u0000\u001f\u2028😀\n"));
    assertThat(set.toJsonString()).isEqualTo("[2,[1],2,[0,\"\",\"q\\\"\\\\\\u0000\\u001F\u2028😀\",\"\"],4]");
    assertThat(set.toJsonString()).isEqualTo(set.toJson().toString());
    assertThat(ChangeSet.empty(0).toJsonString()).isEqualTo("[]");
    assertThat(ChangeSet.replace(0, 0, 0, "\uD800").toJsonString()).isEqualTo("[[0,\"\uD800\"]]");
  }
}
