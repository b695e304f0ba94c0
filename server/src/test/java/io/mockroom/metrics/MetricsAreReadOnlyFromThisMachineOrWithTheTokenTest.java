package io.mockroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} tells whoever reads it how many interviews are live and what runs the server:
 * without {@code MOCKROOM_METRICS_TOKEN} only a scraper on the server's machine gets it (not what
 * a reverse proxy on that machine forwards), with one whoever sends the token.
 */
class MetricsAreReadOnlyFromThisMachineOrWithTheTokenTest {
  private static final String TOKEN = "scrape-9f2c41d07be35a18";

  @Test
  void withoutATokenALocalScrapeIsAnsweredAndAForwardedOneIsRefused() {
    try (TestServer server = TestServer.start()) {
      String url = server.baseUrl() + "/metrics";
      Http.Reply local = Http.get(url);
      assertThat(local.status()).isEqualTo(200);
      assertThat(local.body()).contains("mockroom_rooms_live");

      for (String[] forwarded : new String[][] {
          {"X-Forwarded-For", "203.0.113.7"}, {"Forwarded", "for=203.0.113.7"}, {"X-Real-IP", "203.0.113.7"}}) {
        Http.Reply viaProxy = Http.get(url, null, forwarded);
        assertThat(viaProxy.status()).as(forwarded[0]).isEqualTo(403);
        assertThat(viaProxy.json().at("/error/code").asText()).isEqualTo("metrics_from_this_machine_only");
        assertThat(viaProxy.json().at("/error/message").asText()).contains("MOCKROOM_METRICS_TOKEN");
        assertThat(viaProxy.body()).doesNotContain("mockroom_rooms_live");
      }
    }
  }

  @Test
  void withATokenOnlyAScrapeSendingItIsAnsweredFromWherever() {
    try (TestServer server = TestServer.start(c -> c.withMetricsToken(TOKEN))) {
      String url = server.baseUrl() + "/metrics";
      for (String[] wrong : new String[][] {{}, {"Authorization", "Bearer " + TOKEN + "x"}, {"Authorization", "Bearer"},
          {"Authorization", TOKEN}, {"Authorization", "Basic " + TOKEN}}) {
        Http.Reply refused = Http.get(url, null, wrong);
        assertThat(refused.status()).as(String.join(": ", wrong)).isEqualTo(401);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("metrics_token_needed");
        assertThat(refused.body()).doesNotContain(TOKEN).doesNotContain("mockroom_rooms_live");
      }
      Http.Reply scraped = Http.get(url, null, "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7");
      assertThat(scraped.status()).isEqualTo(200);
      assertThat(scraped.body()).contains("mockroom_rooms_live");
      assertThat(Http.get(url, null, "Authorization", "bearer " + TOKEN).status()).isEqualTo(200);
    }
  }
}
