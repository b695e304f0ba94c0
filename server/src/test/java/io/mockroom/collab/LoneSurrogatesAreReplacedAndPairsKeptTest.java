package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Utf16#wellFormed}: U+FFFD for each lone surrogate, pairs and other text untouched. */
class LoneSurrogatesAreReplacedAndPairsKeptTest {
  @Test
  void wellFormedTextIsTheSameInstance() {
    String s = "plain, 😀 and \uDBFF\uDFFF";
    assertThat(Utf16.storable(s)).isSameAs(s);
  }

  @Test
  void eachLoneHalfBecomesOneReplacementCharacter() {
    assertThat(Utf16.storable("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(Utf16.storable("\uDC00😀\uD800")).isEqualTo("\uFFFD😀\uFFFD");
    assertThat(Utf16.storable("\uD800\uD800\uDC00")).isEqualTo("\uFFFD\uD800\uDC00");
    assertThat(Utf16.storable("\uDC00\uD800")).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void aChangeSetFromJsonKeepsItsLengths() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("[2,[0,\"x\\ud800\"]]");
    ChangeSet set = ChangeSet.fromJson(json);
    assertThat(set.apply("ab")).isEqualTo("abx\uFFFD");
  }
}
