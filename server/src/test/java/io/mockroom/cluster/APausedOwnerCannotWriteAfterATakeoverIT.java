package io.mockroom.cluster;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
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
 * Fencing. Node A owns a room (the candidate is connected to A itself); A is frozen with SIGSTOP,
 * node B sees it leave and takes the room over (a new ownership epoch) when the interviewer
 * reconnects through B. Then A is resumed and the candidate, still on A's socket, pushes an edit:
 * A's write is refused by the store, A gives the room up (closing the socket with 1012) and the
 * edit is in no log. Reconnected through B, the candidate pushes it again and it lands once.
 */
class APausedOwnerCannotWriteAfterATakeoverIT {

  @Test
  void theFormerOwnersWritesAreRefusedAndItGivesTheRoomUp() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    Vertx vertx = Vertx.vertx();
    try (LocalCluster cluster = LocalCluster.start(2, db)) {
      JarProcess a = cluster.node(0);
      JarProcess b = cluster.node(1);
      Interviewer ada = Interviewer.signUp(a.baseUrl(), "Fencing Interviews");
      JsonNode session = ada.createSession("Fencing", "Casey", 1);
      String id = session.get("id").asText();
      String token = Interviewer.token(session);

      RoomClient candidate = RoomClient.connect(vertx, a.port(), "/ws/join/" + token, null);
      candidate.send(candidate.json("hello").put("name", "Casey"));
      String participantId = candidate.await("welcome").get("you").get("id").asText();
      RoomClient staff = RoomClient.connect(vertx, b.port(), "/ws/rooms/" + id, ada.cookie());
      staff.hello();
      String doc = staff.startWithFirstQuestion();
      candidate.await("question");
      candidate.send(insert(candidate, doc, 0, "casey-1", 0, 0, "x"));
      candidate.await("updates", u -> u.get("version").asInt() == 1);
      assertThat(ARoomSurvivesTheDeathOfItsOwnerNodeIT.owner(db, id)).containsEntry("node", cluster.nodeId(0));

      a.pause();
      cluster.awaitMembers(b, 1);
      assertThat(staff.awaitClosed()).as("B closes its socket into the frozen owner's room").isTrue();
      assertThat(staff.closeCode()).isEqualTo((short) 1012);

      RoomClient staffBack = RoomClient.connect(vertx, b.port(), "/ws/rooms/" + id, ada.cookie());
      staffBack.hello();
      staffBack.send(staffBack.json("chat").put("text", "still there?"));
      staffBack.await("chat");
      assertThat(ARoomSurvivesTheDeathOfItsOwnerNodeIT.owner(db, id))
          .containsEntry("node", cluster.nodeId(1)).containsEntry("epoch", 2L);

      a.resume();
      // The candidate's socket on A still works; A still believes it owns the room.
      candidate.send(insert(candidate, doc, 1, "casey-1", 1, 1, "y"));
      assertThat(candidate.awaitClosed()).as("A gives the room up when its write is refused").isTrue();
      assertThat(candidate.closeCode()).isEqualTo((short) 1012);
      assertThat(candidate.frames()).noneMatch(f -> f.contains("\"updates\"") && f.contains("\"version\":2"));
      assertThat(Sql.one(db, "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", id))
          .as("the refused edit is in no log").isEqualTo(1L);
      assertThat(a.output()).anyMatch(l -> l.contains("giving the room up"));

      // Through B, the candidate sends the edit again: it lands once, after the interviewer's chat.
      RoomClient back = RoomClient.connect(vertx, b.port(), "/ws/join/" + token, null);
      back.send(back.json("hello").put("participantId", participantId));
      JsonNode view = back.await("welcome").get("docs").get(doc);
      assertThat(view.get("text").asText()).isEqualTo("x");
      back.send(insert(back, doc, 1, "casey-2", 1, 1, "y"));
      back.await("updates", u -> u.get("version").asInt() == 2);
      List<Map<String, Object>> events = Sql.rows(db, "select version, type from session_events where session_id = ?::uuid order by version", id);
      for (int v = 0; v < events.size(); v++) assertThat(((Number) events.get(v).get("version")).longValue()).isEqualTo(v + 1L);
      assertThat(events).filteredOn(e -> e.get("type").equals("doc_update")).hasSize(2);
      List.of(candidate, staff, staffBack, back).forEach(RoomClient::close);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
