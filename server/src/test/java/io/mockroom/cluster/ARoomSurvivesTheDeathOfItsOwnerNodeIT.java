package io.mockroom.cluster;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.JarProcess;
import io.mockroom.testing.LocalCluster;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Three nodes (three JVMs) on one Postgres. The interviewer's socket reaches the room through
 * node A, so A owns it; the candidate types through node B and the interviewer also watches
 * through node C. A is killed with SIGKILL while an edit is in flight. B and C close their
 * sockets into A's room (1012), the clients reconnect through whichever node, another node claims
 * the room under a new epoch and rebuilds it from Postgres, and typing carries on: every
 * confirmed edit is there, the one in flight is applied once, all clients and the store agree.
 */
class ARoomSurvivesTheDeathOfItsOwnerNodeIT {

  @Test
  void anotherNodeTakesTheRoomOverAndEveryConfirmedEditIsKept() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    Vertx vertx = Vertx.vertx();
    try (LocalCluster cluster = LocalCluster.start(3, db)) {
      JarProcess a = cluster.node(0);
      JarProcess b = cluster.node(1);
      JarProcess c = cluster.node(2);
      for (JarProcess node : List.of(a, b, c)) {
        Http.Reply ready = Http.get(node.baseUrl() + "/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("cluster").asText()).isEqualTo("up");
      }
      Interviewer ada = Interviewer.signUp(b.baseUrl(), "Cluster Interviews");
      JsonNode session = ada.createSession("Failover", "Casey", 1);
      String id = session.get("id").asText();

      RoomClient staff = RoomClient.connect(vertx, a.port(), "/ws/rooms/" + id, ada.cookie());
      staff.hello();
      String doc = staff.startWithFirstQuestion();
      assertThat(owner(db, id)).containsEntry("node", cluster.nodeId(0)).containsEntry("epoch", 1L);

      RoomClient candidate = RoomClient.connect(vertx, b.port(), "/ws/join/" + Interviewer.token(session), null);
      candidate.send(candidate.json("hello").put("name", "Casey"));
      String participantId = candidate.await("welcome").get("you").get("id").asText();
      RoomClient watcher = RoomClient.connect(vertx, c.port(), "/ws/rooms/" + id, ada.cookie());
      watcher.hello();

      // Type 20 characters through B, each confirmed (broadcast by the owner A) before the next.
      StringBuilder confirmed = new StringBuilder();
      int version = 0;
      for (int n = 0; n < 20; n++) {
        String ch = String.valueOf((char) ('a' + n));
        candidate.send(insert(candidate, doc, version, "casey-1", confirmed.length(), confirmed.length(), ch));
        int expected = ++version;
        candidate.await("updates", u -> u.get("version").asInt() == expected);
        confirmed.append(ch);
      }
      int typed = version;
      watcher.await("updates", u -> u.get("version").asInt() == typed); // C's participant saw every edit

      // One more edit in flight, and the owner dies.
      candidate.send(insert(candidate, doc, version, "casey-1", confirmed.length(), confirmed.length(), "!"));
      a.kill();

      assertThat(candidate.awaitClosed()).as("B closes its socket into the dead owner's room").isTrue();
      assertThat(candidate.closeCode()).isEqualTo((short) 1012);
      assertThat(watcher.awaitClosed()).as("C closes its socket too").isTrue();
      assertThat(watcher.closeCode()).isEqualTo((short) 1012);

      // The candidate reconnects through C (the load balancer's pick), saying what it has.
      RoomClient back = RoomClient.connect(vertx, c.port(), "/ws/join/" + Interviewer.token(session), null);
      ObjectNode hello = back.json("hello").put("participantId", participantId);
      hello.putObject("docs").put(doc, version);
      back.send(hello);
      JsonNode view = back.await("welcome").get("docs").get(doc);
      String text = view.get("text").asText();
      assertThat(text).as("every confirmed edit survived the owner").startsWith(confirmed.toString());
      assertThat(text.length()).isIn(confirmed.length(), confirmed.length() + 1);
      // The unconfirmed "!" is resent at the version the client had; it applies once either way.
      back.send(insert(back, doc, version, "casey-1", confirmed.length(), confirmed.length(), "!"));
      if (text.length() == confirmed.length()) {
        int afterResend = version + 1;
        back.await("updates", u -> u.get("version").asInt() == afterResend);
      } else {
        back.send(back.json("ping").put("t", 7)); // it was stored before the kill: the resend adds nothing
        back.await("pong");
        assertThat(view.get("version").asInt()).isEqualTo(version + 1);
      }
      confirmed.append("!");
      version++;

      // Typing carries on at the new owner.
      for (int n = 0; n < 10; n++) {
        String ch = String.valueOf((char) ('A' + n));
        back.send(insert(back, doc, version, "casey-2", confirmed.length(), confirmed.length(), ch));
        int expected = ++version;
        back.await("updates", u -> u.get("version").asInt() == expected);
        confirmed.append(ch);
      }

      Map<String, Object> owner = owner(db, id);
      assertThat(owner.get("node")).isIn(cluster.nodeId(1), cluster.nodeId(2));
      assertThat(owner.get("epoch")).as("claimed again after the failover").isEqualTo(2L);
      // The new owner counts the move (an operator's failover alert reads this).
      String newOwnerUrl = owner.get("node").equals(cluster.nodeId(1)) ? cluster.node(1).baseUrl() : cluster.node(2).baseUrl();
      assertThat(io.mockroom.testing.Http.get(newOwnerUrl + "/metrics").body()).containsPattern("(?m)^mockroom_ownership_moves_total(\\{[^}]*\\})? 1\\.0$");

      // The interviewer comes back through B and sees exactly the candidate's text.
      RoomClient staffBack = RoomClient.connect(vertx, b.port(), "/ws/rooms/" + id, ada.cookie());
      assertThat(staffBack.hello().get("docs").get(doc).get("text").asText()).isEqualTo(confirmed.toString());

      // The store: gap-free, and every confirmed edit once.
      List<Map<String, Object>> events = Sql.rows(db, "select version from session_events where session_id = ?::uuid order by version", id);
      for (int v = 0; v < events.size(); v++) assertThat(((Number) events.get(v).get("version")).longValue()).isEqualTo(v + 1L);
      long edits = (Long) Sql.one(db, "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", id);
      assertThat(edits).isEqualTo(confirmed.length());
      List.of(staff, candidate, watcher, back, staffBack).forEach(RoomClient::close);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  static Map<String, Object> owner(DatabaseUrl db, String sessionId) {
    List<Map<String, Object>> rows = Sql.rows(db, "select node, epoch from room_owners where session_id = ?::uuid", sessionId);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
