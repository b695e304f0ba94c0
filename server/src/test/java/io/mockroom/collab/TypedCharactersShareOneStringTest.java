package io.mockroom.collab;

import static io.mockroom.collab.StreamedChangeSetsAreExactlyWhatFromJsonBuildsTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A keystroke inserts a one-character line; sets stay in a room's history for a while, so the
 * streamed reader gives every one-character ASCII line one shared String instead of a new one.
 */
class TypedCharactersShareOneStringTest {

  @Test
  void oneCharacterAsciiLinesAreOneInstance() throws IOException {
    ChangeSet first = stream("[3,[0,\"x\"]]");
    ChangeSet second = stream("[5,[0,\"\\u0078\"],1]");
    assertThat(first.text(1)).isEqualTo("x").isSameAs(second.text(1));
    assertThat(stream("[[1,\"\\n\"]]").text(0)).isSameAs(stream("[2,[0,\"\\n\"]]").text(1));
    assertThat(stream("[[0,\"\\u0001\"]]").text(0)).isEqualTo("\u0001").isSameAs(stream("[[1,\"\\u0001\"]]").text(0));
    assertThat(stream("[[0,\"\\u0000\"]]").text(0)).isEqualTo("\uFFFD"); // Postgres cannot store U+0000 (see Utf16)
  }

  @Test
  void otherLinesKeepTheirText() throws IOException {
    assertThat(stream("[[0,\"é\"]]").text(0)).isEqualTo("é");
    assertThat(stream("[[0,\"xy\"]]").text(0)).isEqualTo("xy");
    assertThat(stream("[[0,\"x\",\"y\"]]").text(0)).isEqualTo("x\ny");
    assertThat(stream("[[0,\"x\"],[0,\"y\"]]").text(0)).isEqualTo("xy");
  }
}
