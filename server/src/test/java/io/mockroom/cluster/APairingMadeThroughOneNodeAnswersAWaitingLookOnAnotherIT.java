package io.mockroom.cluster;

import static io.mockroom.match.AWaitingPageHearsOfItsPairingWithoutPollingTest.answer;
import static io.mockroom.match.AWaitingPageHearsOfItsPairingWithoutPollingTest.heldLook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.LocalCluster;
import io.mockroom.testing.SharedPostgres;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The practice lobby is one for the whole cluster: Ada waits with a look held open on node A, and
 * Grace asks through node B. B pairs them in Postgres and announces it on the event bus, so A
 * answers Ada's held look with the pairing at once — not after the look's 20 s.
 */
class APairingMadeThroughOneNodeAnswersAWaitingLookOnAnotherIT {

  @Test
  void theWaitingLookOnNodeAAnswersWithThePairingMadeOnNodeB() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    try (LocalCluster cluster = LocalCluster.start(2, db)) {
      String a = cluster.node(0).baseUrl();
      String b = cluster.node(1).baseUrl();
      Interviewer ada = Interviewer.signUp(a, "Clustered Practice");
      Interviewer graceOnA = ada.colleague("Grace Hopper");
      Interviewer grace = new Interviewer(b, graceOnA.cookie(), graceOnA.account());
      String topic = Http.get(a + "/api/topics", ada.cookie()).json().get("topics").get(0).get("topic").asText();

      assertThat(Http.post(a + "/api/practice", Map.of("topic", topic, "difficulty", "beginner"), ada.cookie()).status()).isEqualTo(200);
      CompletableFuture<Http.Reply> look = heldLook(db, ada, 20);
      Http.Reply asked = Http.post(b + "/api/practice", Map.of("topic", topic, "difficulty", "beginner"), grace.cookie());
      assertThat(asked.json().get("status").asText()).as(asked.body()).isEqualTo("paired");

      JsonNode adaSees = answer(look);
      assertThat(adaSees.get("status").asText()).as("node A heard node B's pairing before the look's wait ran out").isEqualTo("paired");
      assertThat(adaSees.get("partner").asText()).isEqualTo("Grace Hopper");
    }
  }
}
