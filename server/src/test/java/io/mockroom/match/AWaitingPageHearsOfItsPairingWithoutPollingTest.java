package io.mockroom.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/practice?wait=N}: while someone waits for a partner, the lobby holds their look
 * open and answers the moment their state changes — a colleague pairs with them, or another tab of
 * theirs stops or moves the request — and otherwise after N seconds with what it was. Other
 * changes in the organisation's lobby do not answer it.
 */
public class AWaitingPageHearsOfItsPairingWithoutPollingTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static String biggestTopic() {
    return Http.get(server.baseUrl() + "/api/topics", server.reader().cookie()).json().get("topics").get(0).get("topic").asText();
  }

  static void ask(Interviewer who, String topic, String level) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/practice", Map.of("topic", topic, "difficulty", level), who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /**
   * Starts a held look and returns once the server is holding it: the look marks the request as
   * seen before it starts to wait, so the request's seen time is pushed into the past first.
   */
  static CompletableFuture<Http.Reply> heldLook(Interviewer who, int waitSeconds) {
    return heldLook(server.database(), who, waitSeconds);
  }

  /** The same through {@code who}'s server, on the database {@code db} it uses. */
  public static CompletableFuture<Http.Reply> heldLook(DatabaseUrl db, Interviewer who, int waitSeconds) {
    Sql.execute(db, "update practice_requests set seen_at = now() - interval '20 seconds' where account_id = ?::uuid", who.id());
    CompletableFuture<Http.Reply> look = CompletableFuture.supplyAsync(
        () -> Http.get(who.baseUrl() + "/api/practice?wait=" + waitSeconds, who.cookie()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Boolean) Sql.one(db,
        "select seen_at > now() - interval '10 seconds' from practice_requests where account_id = ?::uuid", who.id())) {
      assertThat(System.nanoTime()).as("the held look never looked").isLessThan(deadline);
      assertThat(look).as("the look answered before it was held").isNotDone();
    }
    return look;
  }

  public static JsonNode answer(CompletableFuture<Http.Reply> look) throws Exception {
    Http.Reply r = look.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theWaitingLookAnswersWithThePairingWhenAColleagueAsks() throws Exception {
    String topic = biggestTopic();
    Interviewer ada = Interviewer.signUp(server, "Held Org");
    Interviewer edsger = ada.colleague("Edsger Dijkstra");
    Interviewer grace = ada.colleague("Grace Hopper");
    ask(ada, topic, "intermediate");
    CompletableFuture<Http.Reply> look = heldLook(ada, 20);

    // A change elsewhere in the lobby (another level) wakes the hold, which reads Ada's state again,
    // finds it unchanged and keeps holding: were it answered now, it would say "waiting".
    ask(edsger, topic, "advanced");
    ask(grace, topic, "intermediate");

    JsonNode paired = answer(look);
    assertThat(paired.get("status").asText()).isEqualTo("paired");
    assertThat(paired.get("partner").asText()).isEqualTo("Grace Hopper");
    assertThat(paired.get("rounds").get(0).get("yourRole").asText()).isEqualTo("interviewer");
  }

  @Test
  void stoppingInAnotherTabAnswersTheHeldLook() throws Exception {
    Interviewer alan = Interviewer.signUp(server, "Two Tabs Org");
    ask(alan, biggestTopic(), "beginner");
    CompletableFuture<Http.Reply> look = heldLook(alan, 20);
    assertThat(Http.delete(server.baseUrl() + "/api/practice", alan.cookie()).status()).isEqualTo(200);
    assertThat(answer(look).get("status").asText()).isEqualTo("idle");
  }

  @Test
  void withNothingChangingTheLookAnswersAfterItsWaitWithWhatItWas() throws Exception {
    Interviewer joan = Interviewer.signUp(server, "Quiet Org");
    ask(joan, biggestTopic(), "advanced");
    JsonNode still = answer(heldLook(joan, 1));
    assertThat(still.get("status").asText()).isEqualTo("waiting");
    assertThat(still.get("difficulty").asText()).isEqualTo("advanced");
  }

  @Test
  void notWaitingItAnswersAtOnceAndABadWaitIsRefused() {
    Interviewer barbara = Interviewer.signUp(server, "Idle Org");
    // Idle, a wait of a whole minute answers at once (the test's client gives up after 30 s).
    Http.Reply idle = Http.get(server.baseUrl() + "/api/practice?wait=60", barbara.cookie());
    assertThat(idle.status()).isEqualTo(200);
    assertThat(idle.json().get("status").asText()).isEqualTo("idle");
    Http.Reply bad = Http.get(server.baseUrl() + "/api/practice?wait=soon", barbara.cookie());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").get("message").asText()).isEqualTo("'wait' must be a whole number of seconds, got 'soon'.");
    assertThat(Http.get(server.baseUrl() + "/api/practice?wait=-1", barbara.cookie()).status()).isEqualTo(400);
  }
}
