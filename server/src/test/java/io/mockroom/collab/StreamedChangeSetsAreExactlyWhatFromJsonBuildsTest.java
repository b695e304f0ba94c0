package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeSetReader} builds, from the token stream, the very sections and inserted strings
 * that {@link ChangeSet#fromJson} builds from the tree: for what CodeMirror sends, and for the
 * hand-made shapes fromJson normalizes (zero-length and split parts, merged inserts, lines that
 * hold "\n"), with every JSON escape and characters outside the BMP.
 */
class StreamedChangeSetsAreExactlyWhatFromJsonBuildsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code json} with the reader; when it builds a set, it has consumed exactly the array. */
  static ChangeSet stream(String json) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      p.nextToken();
      ChangeSet set = ChangeSetReader.read(p);
      if (set != null) {
        assertThat(p.currentToken()).as(json).isEqualTo(JsonToken.END_ARRAY);
        assertThat(p.nextToken()).as(json).isNull();
      }
      return set;
    }
  }

  static void assertIdentical(ChangeSet streamed, ChangeSet tree, String json) {
    assertThat(streamed).as(json).isNotNull();
    assertThat(streamed.sections).as(json).containsExactly(tree.sections);
    assertThat(streamed.inserted).as(json).containsExactly(tree.inserted);
    assertThat(streamed).as(json).isEqualTo(tree);
    assertThat(streamed.toJson()).as(json).isEqualTo(tree.toJson());
  }

  private static void same(String json) throws IOException {
    assertIdentical(stream(json), ChangeSet.fromJson(JSON.readTree(json)), json);
  }

  @Test
  void handMadeShapesAreNormalizedTheSameWay() throws IOException {
    same("[]");
    same("[0]");
    same("[[0]]");
    same("[[0,\"\"]]");
    same("[[3,\"\"]]");
    same("[1,2,0,[0],3]");
    same("[[0,\"a\"],[0,\"b\"],[2],[0,\"c\"],1]");
    same("[2,[1,\"x\"],[1,\"y\"],[0],[1]]");
    same("[5,[0,\"\",\"def f():\",\"    return 1\",\"\"]]");
    same("[5,[0,\"\\ndef f():\\n    return 1\\n\"]]");
    same("[ 1 , [ 2 , \"\\u00e9\\uD83D\\ude00\" , \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\" ] , 3 ]");
    same("[-0,[-0,\"x\"]]");
    same("[[2147483647,\"x\"]]");
    same("[2147483646,[0,\"x\"]]");
  }

  @Test
  void generatedSetsAreIdentical() throws IOException {
    for (long seed = 0; seed < 5_000; seed++) {
      Random r = new Random(seed);
      same(ChangeSetJsonText.changes(r, 1 + r.nextInt(12)));
    }
  }

  @Test
  void everySetOfTheJavaScriptReferenceIsIdentical() throws IOException {
    JsonNode fixtures;
    try (InputStream in = getClass().getResourceAsStream("/collab/reference-fixtures.json")) {
      fixtures = JSON.readTree(in);
    }
    int n = 0;
    for (JsonNode c : fixtures.get("changeSets")) {
      for (String key : new String[] {"a", "b", "c", "ab", "aOverC", "aOverCBefore"}) {
        same(c.get(key).toString());
        n++;
      }
    }
    assertThat(n).isGreaterThan(1_000);
  }
}
