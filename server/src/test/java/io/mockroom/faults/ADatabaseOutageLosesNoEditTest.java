package io.mockroom.faults;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.store.EmbeddedDatabase;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Postgres under a live room stops mid-session: edits stay unconfirmed, /health says so, the
 * room tells everyone saving is paused; when the database is back, everything pending is written
 * once and in order, confirmed, and the room carries on.
 */
class ADatabaseOutageLosesNoEditTest {

  @Test
  void editsWaitForTheDatabaseAndArriveOnceInOrder() throws Exception {
    Path dir = Files.createTempDirectory("mockroom-outage");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedDatabase pg = EmbeddedDatabase.start(dir, port);
    // A copy of the bank-free schema is enough: the server applies migrations and imports the bank itself.
    TestServer server = TestServer.startImportingBank(pg.url());
    try {
      Interviewer ada = Interviewer.signUp(server, "Outage Org");
      JsonNode session = ada.createSession("Outage", "Grace", 1);
      String id = session.get("id").asText();
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
           RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
        staff.hello();
        cand.send(cand.json("hello").put("name", "Grace"));
        cand.await("welcome");
        staff.send(staff.json("push_question").put("planIndex", 0));
        String doc = cand.await("question").get("question").get("doc").asText();
        cand.send(insert(cand, doc, 0, "g", 0, 0, "a"));
        staff.await("updates", u -> u.get("version").asInt() == 1);

        pg.close();
        // Typed while the database is down: one push carrying three characters.
        var push = insert(cand, doc, 1, "g", 1, 1, "b");
        push.withArray("updates").addObject().put("clientID", "g")
            .set("changes", insert(cand, doc, 0, "g", 2, 2, "c").get("updates").get(0).get("changes"));
        push.withArray("updates").addObject().put("clientID", "g")
            .set("changes", insert(cand, doc, 0, "g", 3, 3, "d").get("updates").get(0).get("changes"));
        cand.send(push);
        assertThat(cand.await("saving").get("state").asText()).isEqualTo("paused");
        assertThat(staff.await("saving").get("state").asText()).isEqualTo("paused");
        Http.Reply health = Http.get(server.baseUrl() + "/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("database").asText()).isEqualTo("down");
        // Nothing is confirmed while it cannot be stored.
        cand.send(cand.json("ping").put("t", 1));
        cand.await("pong");
        assertThat(cand.frames().stream().filter(f -> f.contains("\"type\":\"updates\"") && f.contains("\"version\":4")).count()).isZero();

        pg = EmbeddedDatabase.start(dir, port);
        JsonNode confirmed = staff.await("updates", u -> u.get("version").asInt() == 4);
        assertThat(confirmed.get("updates")).hasSize(3);
        assertThat(cand.await("saving").get("state").asText()).isEqualTo("ok");
        assertThat(Http.get(server.baseUrl() + "/health").status()).isEqualTo(200);

        // The room carries on.
        cand.send(insert(cand, doc, 4, "g", 4, 4, "e"));
        staff.await("updates", u -> u.get("version").asInt() == 5);
      }
      List<Map<String, Object>> rows = Sql.rows(pg.url(),
          "select version, payload->>'changes' as c from session_events where session_id = ?::uuid and type = 'doc_update' order by version", id);
      assertThat(rows).hasSize(5);
      assertThat(rows.stream().map(r -> (String) r.get("c")).toList())
          .containsExactly("[[0, \"a\"]]", "[1, [0, \"b\"]]", "[2, [0, \"c\"]]", "[3, [0, \"d\"]]", "[4, [0, \"e\"]]");
    } finally {
      server.close();
      pg.close();
      io.mockroom.testing.Folders.delete(dir);
    }
  }
}
