package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.room.Room;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live room whose session is deleted closes every socket — interviewer, observer, candidate —
 * with 4004 "session deleted" (the app then says so instead of reconnecting); a new socket is
 * refused in its handshake as for an unknown session (staff) or an invalid link (candidate), and
 * the link's page says it is not valid.
 */
class ADeletedSessionsRoomClosesAndItsLinkStopsWorkingTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void everySocketClosesWith4004AndNewOnesAreRefused() {
    Interviewer ada = Interviewer.signUp(server, "Closing Org");
    Interviewer olive = ada.colleague("Olive Observer");
    JsonNode session = ada.createSession("Live and deleted", "Lena", 1);
    String id = session.get("id").asText();
    String token = Interviewer.token(session);
    Http.Reply member = Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
        Map.of("email", olive.account().get("email").asText(), "role", "observer"), ada.cookie());
    assertThat(member.status()).isEqualTo(200);

    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, id);
         RoomClient observer = RoomClient.joinAsStaff(server, olive, id);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + token, null)) {
      cand.send(cand.json("hello").put("name", "Lena"));
      cand.await("welcome");
      staff.send(staff.json("start"));
      cand.await("started");
      cand.send(cand.json("chat").put("text", "Hello"));
      staff.await("chat");

      Http.Reply r = Http.delete(server.baseUrl() + "/api/sessions/" + id, ada.cookie());
      assertThat(r.status()).as(r.body()).isEqualTo(204);

      for (RoomClient c : new RoomClient[] {staff, observer, cand}) {
        assertThat(c.awaitClosed()).as("closed").isTrue();
        assertThat(c.closeCode()).isEqualTo(Room.DELETED).isEqualTo((short) 4004);
        assertThat(c.closeReason()).isEqualTo("session deleted");
      }
    }

    assertThatThrownBy(() -> RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie()))
        .isInstanceOf(RoomClient.Refused.class).hasMessageContaining("404");
    assertThatThrownBy(() -> RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + token, null))
        .isInstanceOf(RoomClient.Refused.class).hasMessageContaining("404");
    Http.Reply join = Http.get(server.baseUrl() + "/api/join/" + token);
    assertThat(join.status()).isEqualTo(404);
    assertThat(join.json().get("error").get("code").asText()).isEqualTo("invalid_link");
  }

  @Test
  void aSessionWhoseRoomWasNeverOpenedIsDeletedToo() {
    Interviewer ada = Interviewer.signUp(server, "Never Opened Org");
    JsonNode session = ada.createSession("Never opened", "Nils", 1);
    assertThat(Http.delete(server.baseUrl() + "/api/sessions/" + session.get("id").asText(), ada.cookie()).status()).isEqualTo(204);
    assertThat(Http.get(server.baseUrl() + "/api/join/" + Interviewer.token(session)).status()).isEqualTo(404);
  }
}
