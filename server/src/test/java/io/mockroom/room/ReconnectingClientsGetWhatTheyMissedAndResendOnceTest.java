package io.mockroom.room;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReconnectingClientsGetWhatTheyMissedAndResendOnceTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aDroppedCandidateCatchesUpAndItsResentEditsApplyOnce() {
    Interviewer ada = Interviewer.signUp(server, "Reconnects");
    JsonNode session = ada.createSession("Reconnect", "Grace", 1);
    String sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      staff.hello();
      String doc = staff.startWithFirstQuestion();

      RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
      cand.send(cand.json("hello").put("name", "Grace"));
      String participantId = cand.await("welcome").get("you").get("id").asText();
      ObjectNode first = insert(cand, doc, 0, "grace-tab-1", 0, 0, "abc");
      cand.send(first);
      cand.await("updates", u -> u.get("version").asInt() == 1);

      // As if the confirmation had been lost: the edit is sent again, at version 0, with a new one.
      // The already accepted edit is recognised by its client id and not applied again.
      ObjectNode both = insert(cand, doc, 0, "grace-tab-1", 0, 0, "abc");
      both.withArray("updates").addObject().put("clientID", "grace-tab-1")
          .set("changes", insert(cand, doc, 0, "x", 3, 3, "!").get("updates").get(0).get("changes"));
      cand.send(both);
      JsonNode applied = staff.await("updates", u -> u.get("version").asInt() == 2);
      assertThat(applied.get("updates")).hasSize(1);
      assertThat(applied.get("updates").get(0).get("changes").toString()).isEqualTo("[3,[0,\"!\"]]");
      // Sending only the first again is stale (the document moved on): refused, nothing applied.
      cand.send(first);
      assertThat(cand.await("error").get("code").asText()).isEqualTo("stale_push");

      // The candidate's connection drops; the interviewer sees "reconnecting" and types meanwhile.
      cand.drop();
      staff.await("presence", p -> p.get("participant").get("id").asText().equals(participantId)
          && p.get("participant").get("presence").asText().equals("reconnecting"));
      staff.send(insert(staff, doc, 2, "ada-tab", 4, 4, "d"));
      staff.await("updates", u -> u.get("version").asInt() == 3);
      staff.send(insert(staff, doc, 3, "ada-tab", 5, 5, "e"));
      staff.await("updates", u -> u.get("version").asInt() == 4);
      cand.close();

      // Back with the same participant id, saying it has version 2 of the document.
      try (RoomClient back = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
        ObjectNode hello = back.json("hello").put("participantId", participantId).put("lastSeq", 5);
        hello.putObject("docs").put(doc, 2);
        back.send(hello);
        JsonNode welcome = back.await("welcome");
        assertThat(welcome.get("you").get("id").asText()).isEqualTo(participantId);
        JsonNode docView = welcome.get("docs").get(doc);
        assertThat(docView.get("version").asInt()).isEqualTo(4);
        assertThat(docView.get("text").asText()).isEqualTo("abc!de");
        assertThat(docView.get("updates")).hasSize(2);
        assertThat(docView.get("updates").get(0).get("clientID").asText()).isEqualTo("ada-tab");
        staff.await("presence", p -> p.get("participant").get("id").asText().equals(participantId)
            && p.get("participant").get("presence").asText().equals("online"));
        assertThat(welcome.get("participants").findValuesAsText("name").stream().filter("Grace"::equals).count()).isEqualTo(1);
      }
    }
    assertThat(Sql.one(server.database(),
        "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", sessionId)).isEqualTo(4L);
  }
}
