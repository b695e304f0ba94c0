package io.mockroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deleting a session through a node that does not run its room. Node A owns the room (the
 * candidate's socket is on A); the interviewer's socket is on B, and the delete is sent to B while
 * the candidate keeps chatting. Both sockets close with 4004 — on A by the word every node hears,
 * on B relayed from A — and no event of the session is left: A's appends after the delete are
 * fenced out by the deleted room_owners row. New handshakes are refused on either node.
 */
class ADeletedSessionsRoomClosesOnEveryNodeIT {

  @Test
  void theOwnerClosesItsRoomAndWritesNothingAfterTheDelete() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    Vertx vertx = Vertx.vertx();
    try (LocalCluster cluster = LocalCluster.start(2, db)) {
      JarProcess a = cluster.node(0);
      JarProcess b = cluster.node(1);
      Interviewer ada = Interviewer.signUp(a.baseUrl(), "Cluster Deletes");
      JsonNode session = ada.createSession("Deleted across nodes", "Cleo", 1);
      String id = session.get("id").asText();
      String token = Interviewer.token(session);
      String other = ada.createSession("Bystander", "Bea", 1).get("id").asText();

      RoomClient candidate = RoomClient.connect(vertx, a.port(), "/ws/join/" + token, null);
      candidate.send(candidate.json("hello").put("name", "Cleo"));
      candidate.await("welcome");
      RoomClient staff = RoomClient.connect(vertx, b.port(), "/ws/rooms/" + id, ada.cookie());
      staff.hello();
      staff.send(staff.json("start"));
      candidate.await("started");
      assertThat(ARoomSurvivesTheDeathOfItsOwnerNodeIT.owner(db, id)).containsEntry("node", cluster.nodeId(0));
      RoomClient bystander = RoomClient.connect(vertx, a.port(), "/ws/rooms/" + other, ada.cookie());
      bystander.hello();

      CompletableFuture<Void> chatting = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 150 && !candidate.isClosed(); i++) {
          try {
            candidate.send(candidate.json("chat").put("text", "line " + i));
          } catch (AssertionError closed) {
            return;
          }
        }
      });
      staff.await("chat");
      Http.Reply r = Http.delete(b.baseUrl() + "/api/sessions/" + id, ada.cookie());
      assertThat(r.status()).as(r.body()).isEqualTo(204);
      for (RoomClient c : List.of(candidate, staff)) {
        assertThat(c.awaitClosed()).isTrue();
        assertThat(c.closeCode()).isEqualTo((short) 4004);
        assertThat(c.closeReason()).isEqualTo("session deleted");
      }
      chatting.get(30, TimeUnit.SECONDS);

      // A's log writes in append order: a confirmed event of another room on A comes after anything the deleted room appended.
      bystander.send(bystander.json("chat").put("text", "barrier"));
      bystander.await("chat", c -> c.get("chat").get("text").asText().equals("barrier"));
      assertThat(Sql.one(db, "select count(*) from session_events where session_id = ?::uuid", id)).isEqualTo(0L);
      assertThat(Sql.one(db, "select count(*) from room_owners where session_id = ?::uuid", id)).isEqualTo(0L);

      for (JarProcess node : List.of(a, b)) {
        assertThatThrownBy(() -> RoomClient.connect(vertx, node.port(), "/ws/join/" + token, null))
            .isInstanceOf(RoomClient.Refused.class).hasMessageContaining("404");
        assertThatThrownBy(() -> RoomClient.connect(vertx, node.port(), "/ws/rooms/" + id, ada.cookie()))
            .isInstanceOf(RoomClient.Refused.class).hasMessageContaining("404");
      }
      List.of(candidate, staff, bystander).forEach(RoomClient::close);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
