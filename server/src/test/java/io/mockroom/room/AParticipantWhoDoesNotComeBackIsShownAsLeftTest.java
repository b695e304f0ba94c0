package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A dropped participant is shown "reconnecting" at once and, if it does not come back within the
 * grace period ({@link Room#RECONNECT_GRACE_MS}), "left" — stored in the log, so the review's
 * timeline shows it too. One who comes back within the grace is never shown as left.
 */
class AParticipantWhoDoesNotComeBackIsShownAsLeftTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void afterTheGraceTheRoomShowsLeftAndTheLogKeepsIt() {
    Interviewer ada = Interviewer.signUp(server, "Presence");
    JsonNode session = ada.createSession("Presence", "Grace", 1);
    String sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      staff.hello();
      RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
      cand.send(cand.json("hello").put("name", "Grace"));
      String grace = cand.await("welcome").get("you").get("id").asText();

      long dropped = System.nanoTime();
      cand.drop();
      staff.await("presence", p -> isPresence(p, grace, "reconnecting"));
      JsonNode left = awaitLonger(staff, grace);
      long waitedMs = (System.nanoTime() - dropped) / 1_000_000;
      assertThat(left.get("participant").get("presence").asText()).isEqualTo("left");
      assertThat(waitedMs).as("not before the grace period").isGreaterThanOrEqualTo(Room.RECONNECT_GRACE_MS);
      assertThat((Long) Sql.one(server.database(), """
              select count(*) from session_events where session_id = ?::uuid and type = 'presence'
                 and participant_id = ?::uuid and payload ->> 'state' = 'left'""", sessionId, grace))
          .isEqualTo(1L);
      // Coming back afterwards makes her online again.
      try (RoomClient back = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
        back.send(back.json("hello").put("participantId", grace));
        assertThat(back.await("welcome").get("you").get("presence").asText()).isEqualTo("online");
        staff.await("presence", p -> isPresence(p, grace, "online"));
      }
    }
  }

  private static boolean isPresence(JsonNode p, String participant, String state) {
    return p.get("participant").get("id").asText().equals(participant) && p.get("participant").get("presence").asText().equals(state);
  }

  /** The "left" frame comes after the 20 s grace: wait up to 15 s more than RoomClient's usual wait, twice. */
  private static JsonNode awaitLonger(RoomClient staff, String participant) {
    long deadline = System.nanoTime() + Duration.ofMillis(Room.RECONNECT_GRACE_MS).plusSeconds(15).toNanos();
    while (true) {
      try {
        return staff.await("presence", p -> isPresence(p, participant, "left"));
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) throw notYet;
      }
    }
  }
}
