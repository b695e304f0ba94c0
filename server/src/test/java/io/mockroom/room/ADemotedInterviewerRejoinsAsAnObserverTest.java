package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A staff member's role in a room is the one their membership gives when they join, not the one
 * they first joined with: Carol, an interviewer made an observer through the member route, comes
 * back as an observer (she may not start the session; everyone sees her new role; the log keeps
 * the change). Connected when it happens, her socket is closed with {@link Room#ROLE_CHANGED}
 * ("role changed") and her reconnect has the new role; made an interviewer again, she can start.
 */
class ADemotedInterviewerRejoinsAsAnObserverTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer alice;
  static Interviewer carol;

  @BeforeAll
  static void signUp() {
    alice = Interviewer.signUp(server, "Roles Org");
    carol = alice.colleague("Carol Chen");
  }

  @Test
  void carolDemotedWhileAwayRejoinsAsAnObserver() {
    JsonNode session = alice.createSession("Demoted", "Dan", 1);
    String id = session.get("id").asText();
    setRole(id, "interviewer");
    try (RoomClient a = RoomClient.joinAsStaff(server, alice, id)) {
      String carolId;
      try (RoomClient c = RoomClient.joinAsStaff(server, carol, id)) {
        JsonNode welcome = welcome(c);
        assertThat(welcome.get("you").get("role").asText()).isEqualTo("interviewer");
        carolId = welcome.get("you").get("id").asText();
      }
      setRole(id, "observer");
      try (RoomClient c = RoomClient.joinAsStaff(server, carol, id)) {
        JsonNode welcome = welcome(c);
        assertThat(welcome.get("you").get("id").asText()).as("the same participant").isEqualTo(carolId);
        assertThat(welcome.get("you").get("role").asText()).isEqualTo("observer");
        c.send(c.json("start"));
        assertThat(c.await("error").get("code").asText()).isEqualTo("forbidden");
        a.await("presence", p -> p.get("participant").get("id").asText().equals(carolId)
            && p.get("participant").get("role").asText().equals("observer"));
      }
      assertThat(Sql.rows(server.database(),
          "select payload->>'role' as role from session_events where session_id = ?::uuid and type = 'role'", id))
          .extracting(r -> r.get("role")).containsExactly("observer");
    }
  }

  @Test
  void carolConnectedWhenDemotedIsClosedAndRejoinsWithHerNewRole() {
    JsonNode session = alice.createSession("Demoted live", "Dora", 1);
    String id = session.get("id").asText();
    setRole(id, "interviewer");
    try (RoomClient c = RoomClient.joinAsStaff(server, carol, id)) {
      setRole(id, "observer");
      assertThat(c.awaitClosed()).as("closed on the change").isTrue();
      assertThat(c.closeCode()).isEqualTo(Room.ROLE_CHANGED);
      assertThat(c.closeReason()).isEqualTo("role changed");
    }
    try (RoomClient c = RoomClient.joinAsStaff(server, carol, id)) {
      assertThat(welcome(c).get("you").get("role").asText()).isEqualTo("observer");
      setRole(id, "interviewer");
      assertThat(c.awaitClosed()).isTrue();
      assertThat(c.closeCode()).isEqualTo(Room.ROLE_CHANGED);
    }
    try (RoomClient c = RoomClient.joinAsStaff(server, carol, id)) {
      assertThat(welcome(c).get("you").get("role").asText()).isEqualTo("interviewer");
      c.send(c.json("start"));
      c.await("started");
    }
  }

  private static void setRole(String sessionId, String role) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/sessions/" + sessionId + "/members",
        Map.of("email", carol.account().get("email").asText(), "role", role), alice.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static JsonNode welcome(RoomClient c) {
    return c.frames().stream().map(ADemotedInterviewerRejoinsAsAnObserverTest::parse)
        .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow();
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
