package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java ChangeSet gives exactly what @codemirror/state gives, on cases the real library
 * computed (web-client/tools/collab-fixtures.mjs): random documents with emoji, accents, CJK and
 * newlines; random inserts, deletes and replacements. The server only applies; map and compose
 * serve the port of the client ({@code SimulatedClient}) that the convergence tests run.
 */
class ChangeSetMatchesCodeMirrorTest {
  static JsonNode fixtures;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = ChangeSetMatchesCodeMirrorTest.class.getResourceAsStream("/collab/fixtures.json")) {
      fixtures = Json.MAPPER.readTree(in);
    }
  }

  @Test
  void applyComposeAndMapMatchTheJavaScript() {
    assertThat(fixtures.get("cases").size()).isEqualTo(300);
    int i = 0;
    for (JsonNode c : fixtures.get("cases")) {
      String ctx = "case " + i++ + ": " + c;
      ChangeSet a = ChangeSet.fromJson(c.get("a"));
      ChangeSet b = ChangeSet.fromJson(c.get("b"));
      ChangeSet other = ChangeSet.fromJson(c.get("c"));
      assertThat(a.toJson()).as(ctx).isEqualTo(c.get("a"));
      assertThat(a.apply(c.get("doc").asText())).as(ctx).isEqualTo(c.get("applyA").asText());
      assertThat(a.compose(b).toJson()).as(ctx).isEqualTo(c.get("composeAB"));
      assertThat(a.map(other, true).toJson()).as(ctx).isEqualTo(c.get("mapACBefore"));
      assertThat(a.map(other, false).toJson()).as(ctx).isEqualTo(c.get("mapACAfter"));
    }
  }

  static List<Update> updates(JsonNode arr) {
    List<Update> out = new ArrayList<>();
    arr.forEach(u -> out.add(new Update(u.get("clientID").asText(), ChangeSet.fromJson(u.get("changes")))));
    return out;
  }
}
