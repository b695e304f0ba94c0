package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The race of an append and the delete: session_events has no foreign key (V4), so an event of the
 * room written after the delete would bring rows of the deleted session back. Here the candidate
 * and the interviewer send a stream of chat lines, notes and hints, and the session is deleted
 * while they are on their way. Once the sockets are closed, an event of another room is written
 * and confirmed — the log writes in append order, so anything the deleted room had appended is
 * written by then — and the deleted session has no row in the log, nor anywhere else.
 */
class AnEventSentAsItsSessionIsDeletedDoesNotBringItBackTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @RepeatedTest(5)
  void nothingTheRoomSendsDuringTheDeleteIsStoredAfterIt() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Race Org");
    JsonNode session = ada.createSession("Racing", "Rita", 1);
    String id = session.get("id").asText();
    String other = ada.createSession("Bystander", "Bea", 1).get("id").asText();
    try (RoomClient bystander = RoomClient.joinAsStaff(server, ada, other);
         RoomClient staff = RoomClient.joinAsStaff(server, ada, id);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("name", "Rita"));
      cand.await("welcome");
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      cand.await("question");
      cand.send(cand.json("chat").put("text", "first"));
      staff.await("chat");

      // Messages keep coming while the delete runs (well under the sockets' burst of 200).
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 120 && !cand.isClosed(); i++) {
          try {
            cand.send(cand.json("chat").put("text", "line " + i));
            staff.send(staff.json(i % 2 == 0 ? "note" : "hint").put("text", "staff " + i));
          } catch (AssertionError closed) {
            return; // the socket was closed under us
          }
        }
      });
      cand.await("chat", c -> c.get("chat").get("text").asText().startsWith("line"));
      Http.Reply r = Http.delete(server.baseUrl() + "/api/sessions/" + id, ada.cookie());
      assertThat(r.status()).as(r.body()).isEqualTo(204);
      assertThat(cand.awaitClosed()).isTrue();
      assertThat(staff.awaitClosed()).isTrue();
      assertThat(cand.closeCode()).isEqualTo((short) 4004);
      sending.get();

      // A barrier: an event appended after the closes, confirmed, is written after anything appended before.
      bystander.send(bystander.json("chat").put("text", "barrier"));
      bystander.await("chat", c -> c.get("chat").get("text").asText().equals("barrier"));

      assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid", id))
          .as("events of the deleted session").isEqualTo(0L);
      assertThat(Sql.one(server.database(), """
          select (select count(*) from scores where session_id = ?::uuid) + (select count(*) from recommendations where session_id = ?::uuid)
               + (select count(*) from document_snapshots where session_id = ?::uuid) + (select count(*) from sessions where id = ?::uuid)""",
          id, id, id, id)).isEqualTo(0L);
      assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid", other))
          .as("the bystander's events").isNotEqualTo(0L);
    }
  }
}
