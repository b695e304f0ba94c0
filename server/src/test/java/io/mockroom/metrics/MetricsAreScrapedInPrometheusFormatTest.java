package io.mockroom.metrics;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class MetricsAreScrapedInPrometheusFormatTest {

  public static double value(String scrape, String metric) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      sum += Double.parseDouble(m.group(2));
      found = true;
    }
    if (!found) throw new AssertionError(metric + " not in the scrape");
    return sum;
  }

  @Test
  void roomsSocketsEditsCommitsAndFanOutAreCounted() {
    try (TestServer server = TestServer.start()) {
      Interviewer ada = Interviewer.signUp(server, "Metrics");
      JsonNode session = ada.createSession("Metered", "Grace", 1);
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + session.get("id").asText(), ada.cookie());
           RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
        staff.hello();
        cand.send(cand.json("hello").put("name", "Grace"));
        cand.await("welcome");
        staff.send(staff.json("push_question").put("planIndex", 0));
        String doc = cand.await("question").get("question").get("doc").asText();
        for (int v = 0; v < 3; v++) {
          cand.send(insert(cand, doc, v, "g", v, v, "x"));
          int next = v + 1;
          staff.await("updates", u -> u.get("version").asInt() == next);
        }
        Http.Reply r = Http.get(server.baseUrl() + "/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String scrape = r.body();
        assertThat(value(scrape, "mockroom_rooms_live")).isEqualTo(1);
        assertThat(value(scrape, "mockroom_sockets")).isEqualTo(2);
        assertThat(value(scrape, "mockroom_edits_in_total")).isEqualTo(3);
        assertThat(value(scrape, "mockroom_edits_out_total")).isEqualTo(6);
        assertThat(value(scrape, "mockroom_eventlog_commit_seconds_count")).isPositive();
        assertThat(value(scrape, "mockroom_eventlog_batch_size_count")).isPositive();
        assertThat(value(scrape, "mockroom_fanout_seconds_count")).isEqualTo(3);
        assertThat(scrape).contains("mockroom_fanout_seconds_bucket");
        assertThat(value(scrape, "mockroom_sockets_not_reading")).isZero();
        assertThat(value(scrape, "jvm_memory_used_bytes")).isPositive();
      }
    }
  }
}
