package io.mockroom.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twelve colleagues ask for a partner for the same topic and level at the same moment, and look
 * at the lobby while the others ask: each ends
 * up in exactly one pair, the pairs agree on who is whose partner, and nobody is left waiting
 * (an even number asked). Without the queue's lock two askers would each take the other — or one
 * waiting person twice.
 */
class PeopleAskingForAPartnerAtOnceArePairedEachExactlyOnceTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void twelveAtOnceMakeSixPairs() throws Exception {
    String topic = Http.get(server.baseUrl() + "/api/topics", server.reader().cookie()).json().get("topics").get(0).get("topic").asText();
    Interviewer first = Interviewer.signUp(server, "Crowded Org");
    List<Interviewer> people = new ArrayList<>(List.of(first));
    for (int i = 1; i < 12; i++) people.add(first.colleague("Person " + i));

    ExecutorService pool = Executors.newFixedThreadPool(people.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<CompletableFuture<Http.Reply>> asks = new ArrayList<>();
      for (Interviewer p : people) {
        asks.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          Http.Reply asked = Http.post(server.baseUrl() + "/api/practice", Map.of("topic", topic, "difficulty", "advanced"), p.cookie());
          // Looking at the lobby while others ask, as the page does every few seconds, answers too.
          for (int look = 0; look < 5 && asked.status() == 200; look++) {
            Http.Reply seen = Http.get(server.baseUrl() + "/api/practice", p.cookie());
            if (seen.status() != 200) return seen;
          }
          return asked;
        }, pool));
      }
      go.countDown();
      for (CompletableFuture<Http.Reply> a : asks) assertThat(a.get().status()).as(a.get().body()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }

    Map<String, String> partnerOf = new HashMap<>();
    for (Interviewer p : people) {
      JsonNode state = Http.get(server.baseUrl() + "/api/practice", p.cookie()).json();
      assertThat(state.get("status").asText()).as(p.account().get("name").asText()).isEqualTo("paired");
      partnerOf.put(p.account().get("name").asText(), state.get("partner").asText());
    }
    partnerOf.forEach((me, partner) -> {
      assertThat(partner).isNotEqualTo(me);
      assertThat(partnerOf.get(partner)).as("%s's partner %s has them as partner", me, partner).isEqualTo(me);
    });
    for (Interviewer p : people) {
      Object pairings = Sql.one(server.database(),
          "select count(*) from practice_pairings where first_account = ?::uuid or second_account = ?::uuid", p.id(), p.id());
      assertThat(((Number) pairings).intValue()).as("pairings of " + p.account().get("name").asText()).isEqualTo(1);
    }
  }
}
