package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParticipantsJoinThroughTheHandshakeTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static JsonNode session;

  @BeforeAll
  static void start() {
    ada = Interviewer.signUp(server, "Analytical Engines");
    session = ada.createSession("Backend loop", "Grace", 3);
  }

  String roomPath() {
    return "/ws/rooms/" + session.get("id").asText();
  }

  @Test
  void theInterviewerJoinsWithTheLoginCookieAndSeesThePlan() {
    try (RoomClient c = RoomClient.connect(server.vertx(), server.port(), roomPath(), ada.cookie())) {
      c.send(c.json("hello"));
      JsonNode welcome = c.await("welcome");
      assertThat(welcome.get("you").get("role").asText()).isEqualTo("interviewer");
      assertThat(welcome.get("you").get("name").asText()).isEqualTo("Ada Lovelace");
      assertThat(welcome.get("session").get("title").asText()).isEqualTo("Backend loop");
      assertThat(welcome.get("session").get("status").asText()).isEqualTo("scheduled");
      assertThat(welcome.get("plan")).hasSize(3);
      assertThat(welcome.get("plan").get(0).get("prompt").asText()).isNotBlank();
    }
  }

  @Test
  void theCandidateJoinsWithTheLinkAndAName() {
    try (RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      c.send(c.json("hello"));
      assertThat(c.await("error").get("code").asText()).isEqualTo("invalid_message"); // a name is needed
      c.send(c.json("hello").put("name", "Grace Hopper"));
      JsonNode welcome = c.await("welcome");
      assertThat(welcome.get("you").get("role").asText()).isEqualTo("candidate");
      assertThat(welcome.get("you").get("name").asText()).isEqualTo("Grace Hopper");
      assertThat(welcome.has("plan")).isFalse();
      assertThat(welcome.get("planSize").asInt()).isEqualTo(3);
    }
  }

  @Test
  void wrongLinksAndMissingLoginsAreRefusedWithAReason() {
    assertThatThrownBy(() -> RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + "x".repeat(43), null))
        .hasMessageContaining("404");
    assertThatThrownBy(() -> RoomClient.connect(server.vertx(), server.port(), roomPath(), null))
        .hasMessageContaining("401");
    Interviewer stranger = Interviewer.signUp(server, "Other Org");
    assertThatThrownBy(() -> RoomClient.connect(server.vertx(), server.port(), roomPath(), stranger.cookie()))
        .hasMessageContaining("404");
    assertThatThrownBy(() -> RoomClient.connect(server.vertx(), server.port(), "/ws/nowhere", null))
        .hasMessageContaining("404");
  }

  @Test
  void aCandidateLinkKeepsAtMostThreeParticipantsPresentAndRejoiningDoesNotCount() {
    JsonNode crowded = ada.createSession("Crowded", "Many", 1);
    java.util.List<RoomClient> sockets = new java.util.ArrayList<>();
    try {
      String firstId = null;
      for (int i = 0; i < Admission.MAX_CANDIDATES_PRESENT; i++) {
        RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(crowded), null);
        sockets.add(c);
        c.send(c.json("hello").put("name", "Person " + i));
        String id = c.await("welcome").get("you").get("id").asText();
        if (firstId == null) firstId = id;
      }
      RoomClient extra = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(crowded), null);
      sockets.add(extra);
      extra.send(extra.json("hello").put("name", "One too many"));
      JsonNode full = extra.await("error");
      assertThat(full.get("code").asText()).isEqualTo("room_full");
      assertThat(full.get("message").asText()).contains("already open for " + Admission.MAX_CANDIDATES_PRESENT + " people");
      // Someone who was already in the room can always come back.
      RoomClient back = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(crowded), null);
      sockets.add(back);
      back.send(back.json("hello").put("participantId", firstId));
      assertThat(back.await("welcome").get("you").get("id").asText()).isEqualTo(firstId);
    } finally {
      sockets.forEach(RoomClient::close);
    }
  }

  @Test
  void aSocketThatSendsSomethingElseFirstIsToldToSayHello() {
    try (RoomClient c = RoomClient.connect(server.vertx(), server.port(), roomPath(), ada.cookie())) {
      c.send(c.json("chat").put("text", "hi"));
      assertThat(c.await("error").get("message").asText()).isEqualTo("The first message must be hello.");
      c.send(c.json("hello"));
      assertThat(c.await("welcome").get("you").get("role").asText()).isEqualTo("interviewer");
    }
  }
}
