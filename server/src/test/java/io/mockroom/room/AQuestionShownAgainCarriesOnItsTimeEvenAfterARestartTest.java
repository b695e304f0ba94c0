package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A question's timer counts the time it was on screen before: going back to question 1 shows what
 * is left of its minutes, not all of them again. {@code spentSeconds} comes from the pushes the
 * room logs, so a room loaded again from the log (here by a new server on the same database) has
 * the same time.
 */
class AQuestionShownAgainCarriesOnItsTimeEvenAfterARestartTest {

  @Test
  void goingBackToAQuestionCountsTheTimeItWasShownBefore() throws Exception {
    DatabaseUrl database = SharedPostgres.databaseWithBank();
    String sessionId;
    Interviewer ada;
    Duration secondShownFor;
    try (TestServer server = TestServer.start(database)) {
      ada = Interviewer.signUp(server, "Timers Ltd");
      JsonNode session = ada.createSession("Timed", "Grace", 2);
      sessionId = session.get("id").asText();
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
        staff.hello();
        staff.send(staff.json("start"));
        JsonNode first = pushed(staff, 0);
        assertThat(first.get("spentSeconds").asLong()).isZero();
        Instant t0 = Instant.parse(first.get("startedAt").asText());
        onScreenFor(staff, t0, Duration.ofMillis(2100));

        JsonNode second = pushed(staff, 1);
        Instant t1 = Instant.parse(second.get("startedAt").asText());
        assertThat(second.get("spentSeconds").asLong()).isZero();
        onScreenFor(staff, t1, Duration.ofMillis(1100));

        JsonNode firstAgain = pushed(staff, 0);
        Instant t2 = Instant.parse(firstAgain.get("startedAt").asText());
        assertThat(firstAgain.get("spentSeconds").asLong()).as("question 1 was shown from %s to %s", t0, t1)
            .isEqualTo(Duration.between(t0, t1).toSeconds()).isGreaterThanOrEqualTo(2);

        JsonNode secondAgain = pushed(staff, 1);
        secondShownFor = Duration.between(t1, t2);
        assertThat(secondAgain.get("spentSeconds").asLong()).isEqualTo(secondShownFor.toSeconds()).isGreaterThanOrEqualTo(1);
      }
    }
    // A new server loads the room from the log: the question on screen still carries its time.
    try (TestServer server = TestServer.start(database);
         RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      JsonNode current = staff.hello().get("current");
      assertThat(current.get("planIndex").asInt()).isEqualTo(1);
      assertThat(current.get("spentSeconds").asLong()).isEqualTo(secondShownFor.toSeconds());
    }
  }

  private static JsonNode pushed(RoomClient staff, int planIndex) {
    staff.send(staff.json("push_question").put("planIndex", planIndex));
    return staff.await("question", q -> q.get("question").get("planIndex").asInt() == planIndex).get("question");
  }

  /** Returns once the question pushed at {@code since} has been on screen for {@code time} (what is measured is time itself). */
  private static void onScreenFor(RoomClient staff, Instant since, Duration time) throws InterruptedException {
    Instant until = since.plus(time);
    while (Instant.now().isBefore(until)) Thread.sleep(Math.max(1, Duration.between(Instant.now(), until).toMillis()));
  }
}
