package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** ChangeSet JSON in and out, and apply, on text where UTF-16 units and characters differ. */
class ChangeSetRoundTripsThroughJsonAndAppliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void retainDeleteAndReplacePartsApply() throws Exception {
    ChangeSet cs = ChangeSet.fromJson(json("[2,[3],1,[2,\"XY\"],[0,\"!\"]]"));
    assertThat(cs.length()).isEqualTo(8);
    assertThat(cs.newLength()).isEqualTo(6);
    assertThat(cs.apply("abcdefgh")).isEqualTo("abfXY!");
    assertThat(cs.toJson()).isEqualTo(json("[2,[3],1,[2,\"XY\"],[0,\"!\"]]"));
  }

  @Test
  void multiLineInsertsAreLinesJoinedWithNewlines() throws Exception {
    ChangeSet cs = ChangeSet.fromJson(json("[5,[0,\"\",\"def f():\",\"    return 1\",\"\"]]"));
    assertThat(cs.apply("hello")).isEqualTo("hello\ndef f():\n    return 1\n");
    assertThat(ChangeSet.replace(5, 5, 5, "\ndef f():\n    return 1\n").toJson()).isEqualTo(cs.toJson());
    // A line holding "\n" (CodeMirror never sends one, its fromJSON takes it) is sent back split.
    ChangeSet loose = ChangeSet.fromJson(json("[5,[0,\"\\ndef f():\\n    return 1\\n\"]]"));
    assertThat(loose).isEqualTo(cs);
    assertThat(loose.toJson()).isEqualTo(cs.toJson());
  }

  @Test
  void emojiCountTwoUnitsAndCjkAndCombiningMarksOneEach() throws Exception {
    String doc = "a😀中e\u0301"; // a, surrogate pair, CJK, e + combining acute
    assertThat(doc.length()).isEqualTo(6);
    ChangeSet dropEmoji = ChangeSet.fromJson(json("[1,[2],3]"));
    assertThat(dropEmoji.apply(doc)).isEqualTo("a中e\u0301");
    ChangeSet replaceCjk = ChangeSet.fromJson(json("[3,[1,\"👩‍💻\"],2]"));
    assertThat(replaceCjk.newLength()).isEqualTo(5 + "👩‍💻".length());
    assertThat(replaceCjk.apply(doc)).isEqualTo("a😀👩‍💻e\u0301");
    ChangeSet accent = ChangeSet.replace(6, 6, 6, "\u0301ß");
    assertThat(ChangeSet.fromJson(accent.toJson())).isEqualTo(accent);
    assertThat(accent.apply(doc)).isEqualTo(doc + "\u0301ß");
  }

  @Test
  void composeAndMapFollowCodeMirrorsConventions() {
    ChangeSet a = ChangeSet.replace(3, 1, 1, "X");
    ChangeSet b = ChangeSet.replace(3, 1, 1, "Y");
    // Same place: map(…, false) puts the other's insertion first; before = true puts ours first.
    assertThat(b.compose(a.map(b)).apply("abc")).isEqualTo("aYXbc");
    assertThat(b.compose(a.map(b, true)).apply("abc")).isEqualTo("aXYbc");
    assertThat(a.compose(ChangeSet.replace(4, 0, 4, "")).apply("abc")).isEmpty();
    assertThat(ChangeSet.empty(3).isEmpty()).isTrue();
    assertThat(ChangeSet.empty(3).compose(a)).isSameAs(a);
  }

  @Test
  void handMadeJsonIsNormalizedToWhatCodeMirrorBuilds() throws Exception {
    ChangeSet cs = ChangeSet.fromJson(json("[0,1,1,[0],[0,\"a\"],[0,\"b\"],[1,\"\"],2]"));
    assertThat(cs.toJson()).isEqualTo(json("[2,[0,\"ab\"],[1],2]"));
    assertThat(cs.apply("vwxyz")).isEqualTo("vwabyz");
  }
}
