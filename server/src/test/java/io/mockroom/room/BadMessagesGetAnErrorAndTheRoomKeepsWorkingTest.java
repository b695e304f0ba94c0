package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BadMessagesGetAnErrorAndTheRoomKeepsWorkingTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void start() {
    ada = Interviewer.signUp(server, "Faults Inc");
  }

  @Test
  void malformedOversizedUnknownAndForbiddenMessagesAreAnsweredWithErrors() {
    JsonNode session = ada.createSession("Errors", "Eve", 1);
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + session.get("id").asText(), ada.cookie());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      cand.send(cand.json("hello").put("name", "Eve"));
      cand.await("welcome");
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      String doc = cand.await("question").get("question").get("doc").asText();

      String[][] cases = {
          {"{not json", "malformed"},
          {"[1,2,3]", "malformed"},
          {"{\"kind\":\"chat\"}", "malformed"},
          {"{\"type\":\"dance\"}", "unknown_type"},
          {"{\"type\":\"chat\",\"text\":42}", "invalid_message"},
          {"{\"type\":\"chat\",\"text\":\"" + "x".repeat(3000) + "\"}", "too_long"},
          {"{\"type\":\"chat\",\"text\":\"" + "y".repeat(300 * 1024) + "\"}", "too_large"},
          {"{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":0,\"updates\":[{\"clientID\":\"e\",\"changes\":[5,[0,\"x\"]]}]}", "push_rejected"},
          {"{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":0,\"updates\":[{\"clientID\":\"e\",\"changes\":\"nope\"}]}", "invalid_changes"},
          {"{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":99,\"updates\":[{\"clientID\":\"e\",\"changes\":[[0,\"x\"]]}]}", "push_rejected"},
          {"{\"type\":\"push\",\"doc\":\"nodoc\",\"version\":0,\"updates\":[{\"clientID\":\"e\",\"changes\":[[0,\"x\"]]}]}", "invalid_message"},
          {"{\"type\":\"push_question\",\"planIndex\":0}", "forbidden"},
          {"{\"type\":\"end\"}", "forbidden"},
          {"{\"type\":\"hello\",\"name\":\"again\"}", "invalid_message"},
          {"{\"type\":\"a\"," + "\"n\":".repeat(0) + "\"deep\":" + "[".repeat(100) + "]".repeat(100) + "}", "malformed"},
      };
      for (String[] c : cases) {
        cand.send(c[0]);
        JsonNode error = cand.await("error");
        assertThat(error.get("code").asText()).as(c[0].length() > 120 ? c[0].substring(0, 120) : c[0]).isEqualTo(c[1]);
        assertThat(error.get("message").asText()).isNotBlank();
      }
      cand.sendBinary();
      assertThat(cand.await("error").get("code").asText()).isEqualTo("binary_not_supported");

      // The room still works, for everyone.
      cand.send(cand.json("chat").put("text", "still here"));
      staff.await("chat", m -> m.get("chat").get("text").asText().equals("still here"));
      cand.send(AWholeSessionOverTheLiveProtocolTest.insert(cand, doc, 0, "cand-ok", 0, 0, "ok"));
      assertThat(staff.await("updates").get("version").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aFloodOfMessagesIsRateLimitedPerSocketWhileOthersInTheRoomAreNot() {
    JsonNode session = ada.createSession("Flood", "Flo", 1);
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + session.get("id").asText(), ada.cookie());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      cand.send(cand.json("hello").put("name", "Flo"));
      cand.await("welcome");
      // Far more pings than the burst allows, as fast as the socket takes them.
      for (int i = 0; i < 260; i++) cand.send(cand.json("ping").put("t", i));
      JsonNode limited = cand.await("error", e -> e.get("code").asText().equals("rate_limited"));
      assertThat(limited.get("message").asText()).contains("slow down");
      // The interviewer's socket has its own budget.
      staff.send(staff.json("ping").put("t", 999));
      assertThat(staff.await("pong").get("t").asLong()).isEqualTo(999);
    }
  }

  @Test
  void aSocketThatKeepsSendingGarbageIsClosedForPolicyViolation() {
    JsonNode session = ada.createSession("Abuse", "Mallory", 1);
    try (RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      // Keep sending garbage until the server closes the socket (it does after 60 in a minute).
      int sent = 0;
      try {
        while (sent < 200) {
          cand.send("garbage " + sent);
          sent++;
        }
      } catch (AssertionError closedWhileSending) {
        // the server closed it
      }
      assertThat(cand.awaitClosed()).isTrue();
      assertThat(sent).as("sent before the close").isGreaterThan(60);
      assertThat(cand.closeCode()).isEqualTo((short) 1008);
    }
  }
}
