package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The convergence test against the real server: three editors (the interviewer and two candidate
 * tabs) run the @codemirror/collab client logic ({@link SimulatedClient}) over real WebSockets,
 * typing at random places in random order, dropping their connections and reconnecting. At the
 * end every client's text, the room's text and the text replayed from the stored log are equal.
 * The seed is in every assertion message; -Dcollab.socketSeed=N replays one.
 */
class ClientsConvergeOverRealSocketsTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static final class Editor {
    final String path;
    final String cookie;
    final String name;
    SimulatedClient client;
    RoomClient socket;
    String participantId;
    boolean pushing;

    Editor(String path, String cookie, String name) {
      this.path = path;
      this.cookie = cookie;
      this.name = name;
    }
  }

  @Test
  void threeEditorsWithDropsEndWithTheStoredText() {
    String only = System.getProperty("collab.socketSeed");
    long first = only == null ? 1 : Long.parseLong(only);
    long last = only == null ? 6 : first;
    for (long seed = first; seed <= last; seed++) run(seed);
  }

  void run(long seed) {
    Random r = new Random(seed);
    Interviewer ada = Interviewer.signUp(server, "Converge " + seed);
    JsonNode session = ada.createSession("Converge " + seed, "Cand", 1);
    String sessionId = session.get("id").asText();
    List<Editor> editors = List.of(
        new Editor("/ws/rooms/" + sessionId, ada.cookie(), null),
        new Editor("/ws/join/" + Interviewer.token(session), null, "Tab A"),
        new Editor("/ws/join/" + Interviewer.token(session), null, "Tab B"));
    String doc = null;
    for (Editor e : editors) {
      connect(e, null);
      if (doc == null) {
        e.socket.send(e.socket.json("start"));
        e.socket.send(e.socket.json("push_question").put("planIndex", 0));
        doc = e.socket.await("question").get("question").get("doc").asText();
      }
    }
    for (Editor e : editors) e.client = new SimulatedClient("client-" + e.name + "-" + seed, "", 0);
    try {
      int steps = 150 + r.nextInt(100);
      for (int step = 0; step < steps; step++) {
        Editor e = editors.get(r.nextInt(editors.size()));
        int action = r.nextInt(20);
        if (action < 8) {
          e.client.localChange(e.client.randomEdit(r));
        } else if (action < 12) {
          push(e, doc);
        } else if (action < 19) {
          drain(e, doc, seed);
        } else {
          e.socket.close();
          e.pushing = false;
          connect(e, doc);
        }
      }
      // Settle: everyone pushes and reads until nothing is unconfirmed and all are at one version.
      for (int round = 0; round < 200; round++) {
        boolean done = true;
        for (Editor e : editors) {
          push(e, doc);
          JsonNode n = e.socket.poll();
          if (n != null) handle(e, n, doc, seed);
          if (!e.client.sendable().isEmpty() || e.pushing) done = false;
        }
        if (done) break;
        // Wait for the next frame of someone who still expects one (a confirmation is on its way).
        for (Editor e : editors) {
          if (e.pushing) {
            handle(e, e.socket.next(), doc, seed);
            break;
          }
        }
      }
      // Catch everyone up to the room's final version.
      Editor probe = new Editor(editors.get(0).path, editors.get(0).cookie, null);
      JsonNode finalDoc = connect(probe, null).get("docs").get(doc);
      String roomText = finalDoc.get("text").asText();
      int finalVersion = finalDoc.get("version").asInt();
      for (Editor e : editors) {
        while (e.client.version() < finalVersion) handle(e, e.socket.next(), doc, seed);
        assertThat(e.client.sendable()).as("seed %d: %s has nothing unconfirmed", seed, e.client.clientId).isEmpty();
        assertThat(e.client.text()).as("seed %d: %s converged", seed, e.client.clientId).isEqualTo(roomText);
      }
      String replayed = "";
      for (Map<String, Object> row : Sql.rows(server.database(),
          "select payload::text as p from session_events where session_id = ?::uuid and type = 'doc_update' order by version", sessionId)) {
        JsonNode p = Json.MAPPER.readTree((String) row.get("p"));
        replayed = ChangeSet.fromJson(p.get("changes")).apply(replayed);
      }
      assertThat(replayed).as("seed %d: the stored log replays to the room's text", seed).isEqualTo(roomText);
      probe.socket.close();
    } catch (Exception ex) {
      throw new AssertionError("seed " + seed + ": " + ex, ex);
    } finally {
      editors.forEach(e -> e.socket.close());
    }
  }

  JsonNode connect(Editor e, String doc) {
    e.socket = RoomClient.connect(server.vertx(), server.port(), e.path, e.cookie);
    ObjectNode hello = e.socket.json("hello");
    if (e.name != null) hello.put("name", e.name);
    if (e.participantId != null) hello.put("participantId", e.participantId);
    if (doc != null && e.client != null) hello.putObject("docs").put(doc, e.client.version());
    e.socket.send(hello);
    JsonNode welcome = e.socket.await("welcome");
    e.participantId = welcome.get("you").get("id").asText();
    if (doc != null && e.client != null) {
      JsonNode view = welcome.get("docs").get(doc);
      assertThat(view.get("updates").isArray()).as("the room still holds the updates since %d", e.client.version()).isTrue();
      e.client.receive(updates(view.get("updates")));
    }
    return welcome;
  }

  void push(Editor e, String doc) {
    if (e.pushing || e.client.sendable().isEmpty()) return;
    ObjectNode push = e.socket.json("push").put("doc", doc).put("version", e.client.version());
    ArrayNode arr = push.putArray("updates");
    for (Update u : e.client.sendable()) arr.addObject().put("clientID", u.clientId()).set("changes", u.changes().toJson());
    e.socket.send(push);
    e.pushing = true;
  }

  void drain(Editor e, String doc, long seed) {
    JsonNode n;
    while ((n = e.socket.poll()) != null) handle(e, n, doc, seed);
  }

  void handle(Editor e, JsonNode n, String doc, long seed) {
    String type = n.get("type").asText();
    if (type.equals("updates") && n.get("doc").asText().equals(doc)) {
      List<Update> updates = updates(n.get("updates"));
      assertThat(n.get("version").asInt()).as("seed %d: updates arrive in order", seed).isEqualTo(e.client.version() + updates.size());
      e.client.receive(updates);
      if (updates.stream().anyMatch(u -> u.clientId().equals(e.client.clientId))) e.pushing = false;
    } else if (type.equals("error")) {
      assertThat(n.get("code").asText()).as("seed %d: %s", seed, n).isEqualTo("stale_push");
      e.pushing = false;
    }
  }

  static List<Update> updates(JsonNode arr) {
    List<Update> out = new ArrayList<>();
    arr.forEach(u -> out.add(new Update(u.get("clientID").asText(), ChangeSet.fromJson(u.get("changes")))));
    return out;
  }
}
