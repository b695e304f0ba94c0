package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays what the real {@code @codemirror/state} and {@code @codemirror/collab} computed
 * ({@code collab/reference-fixtures.json}, made by {@code web-client/tools/collab-reference-fixtures.mjs}) and
 * requires the Java port to give the same JSON: apply/compose/map, {@code rebaseUpdates}, and a
 * real EditorState's {@code receiveUpdates} against {@link SimulatedClient}.
 */
class ChangeSetMatchesTheJavaScriptReferenceTest {
  private static JsonNode fixtures;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ChangeSetMatchesTheJavaScriptReferenceTest.class.getResourceAsStream("/collab/reference-fixtures.json")) {
      fixtures = new ObjectMapper().readTree(in);
    }
  }

  static ChangeSet cs(JsonNode json) {
    return ChangeSet.fromJson(json);
  }

  static List<Update> updates(JsonNode json) {
    List<Update> out = new ArrayList<>();
    for (JsonNode u : json) out.add(new Update(u.get("clientID").textValue(), cs(u.get("changes"))));
    return out;
  }

  private static String json(List<Update> updates) {
    StringBuilder s = new StringBuilder("[");
    for (Update u : updates) {
      if (s.length() > 1) s.append(',');
      s.append("{\"clientID\":\"").append(u.clientId()).append("\",\"changes\":").append(u.changes().toJson()).append('}');
    }
    return s.append(']').toString();
  }

  @Test
  void applyComposeAndMapGiveWhatCodeMirrorGives() {
    assertThat(fixtures.get("changeSets").size()).isEqualTo(300);
    int n = 0;
    for (JsonNode c : fixtures.get("changeSets")) {
      String at = "case " + n++ + ": " + c;
      String doc = c.get("doc").textValue();
      ChangeSet a = cs(c.get("a"));
      ChangeSet b = cs(c.get("b"));
      ChangeSet other = cs(c.get("c"));
      assertThat(a.toJson()).as(at).isEqualTo(c.get("normalizedA"));
      assertThat(b.toJson()).as(at).isEqualTo(c.get("b"));
      assertThat(a.apply(doc)).as(at).isEqualTo(c.get("aDoc").textValue());
      ChangeSet ab = a.compose(b);
      assertThat(ab.toJson()).as(at).isEqualTo(c.get("ab"));
      assertThat(ab.apply(doc)).as(at).isEqualTo(c.get("abDoc").textValue());
      assertThat(a.map(other).toJson()).as(at).isEqualTo(c.get("aOverC"));
      assertThat(a.map(other, true).toJson()).as(at).isEqualTo(c.get("aOverCBefore"));
      assertThat(other.compose(a.map(other)).apply(doc)).as(at).isEqualTo(c.get("converged").textValue());
      assertThat(a.compose(other.map(a, true)).apply(doc)).as(at).isEqualTo(c.get("converged").textValue());
    }
  }

  @Test
  void rebaseUpdatesGivesWhatCodeMirrorGives() {
    assertThat(fixtures.get("rebases").size()).isGreaterThan(200);
    int n = 0;
    for (JsonNode c : fixtures.get("rebases")) {
      List<Update> result = Rebase.rebaseUpdates(updates(c.get("updates")), updates(c.get("over")));
      assertThat(json(result)).as("rebase case " + n++ + ": " + c).isEqualTo(c.get("result").toString());
    }
  }

  @Test
  void theSimulatedClientReceivesUpdatesAsAnEditorStateDoes() {
    int n = 0;
    for (JsonNode c : fixtures.get("receives")) {
      String at = "receive case " + n++ + ": " + c;
      SimulatedClient client = new SimulatedClient(c.get("clientID").textValue(), c.get("doc").textValue(), 0);
      for (JsonNode local : c.get("local")) client.localChange(cs(local));
      for (JsonNode batch : c.get("batches")) {
        client.receive(updates(batch.get("updates")));
        assertThat(client.text()).as(at).isEqualTo(batch.get("doc").textValue());
        assertThat(client.version()).as(at).isEqualTo(batch.get("version").intValue());
        List<String> unconfirmed = new ArrayList<>();
        batch.get("unconfirmed").forEach(e -> unconfirmed.add(e.toString()));
        assertThat(client.sendable().stream().map(u -> u.changes().toString()).toList()).as(at).isEqualTo(unconfirmed);
      }
    }
  }

  /** Why {@link CollabDocument} does not rebase over two foreign pushes: CodeMirror's own results. */
  @Test
  void mappingStepByStepCanDifferFromMappingOverTheComposition() {
    assertThat(fixtures.get("nonCompositional").size()).isPositive();
    for (JsonNode c : fixtures.get("nonCompositional")) {
      String doc = c.get("doc").textValue();
      ChangeSet a = cs(c.get("a"));
      ChangeSet b = cs(c.get("b"));
      ChangeSet bc = b.compose(cs(c.get("c")));
      assertThat(bc.compose(a.map(b).map(cs(c.get("c")))).apply(doc)).as(c.toString()).isEqualTo(c.get("viaSteps").textValue());
      assertThat(bc.compose(a.map(bc)).apply(doc)).as(c.toString()).isEqualTo(c.get("viaComposed").textValue())
          .isNotEqualTo(c.get("viaSteps").textValue());
    }
  }
}
