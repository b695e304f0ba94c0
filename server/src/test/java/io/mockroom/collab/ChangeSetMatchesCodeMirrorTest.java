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
 * The Java ChangeSet and rebase give exactly what @codemirror/state and @codemirror/collab give,
 * on cases the real libraries computed (web-client/tools/collab-fixtures.mjs): random documents
 * with emoji, accents, CJK and newlines; random inserts, deletes and replacements.
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

  @Test
  void rebaseMatchesTheJavaScriptAndSkipsResentUpdates() {
    int i = 0;
    int resends = 0;
    for (JsonNode r : fixtures.get("rebases")) {
      String ctx = "rebase " + i++ + ": " + r;
      List<Update> over = updates(r.get("over"));
      List<Update> pushed = updates(r.get("updates"));
      List<Update> rebased = Rebase.rebaseUpdates(pushed, over);
      assertThat(rebased.stream().map(u -> u.changes().toJson()).toList()).as(ctx)
          .isEqualTo(updates(r.get("rebased")).stream().map(u -> u.changes().toJson()).toList());
      String text = r.get("doc").asText();
      for (Update u : over) text = u.changes().apply(text);
      for (Update u : rebased) text = u.changes().apply(text);
      assertThat(text).as(ctx).isEqualTo(r.get("result").asText());
      if (pushed.size() > rebased.size()) resends++;
    }
    assertThat(resends).as("some cases resend already accepted updates").isPositive();
  }

  static List<Update> updates(JsonNode arr) {
    List<Update> out = new ArrayList<>();
    arr.forEach(u -> out.add(new Update(u.get("clientID").asText(), ChangeSet.fromJson(u.get("changes")))));
    return out;
  }
}
