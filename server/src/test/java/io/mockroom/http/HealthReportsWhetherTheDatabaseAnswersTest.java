package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.store.EmbeddedDatabase;
import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class HealthReportsWhetherTheDatabaseAnswersTest {

  @Test
  void healthIsUpWithTheDatabaseAndDownWithoutIt() throws Exception {
    // A Postgres of its own, so that this test can stop it under the running server.
    EmbeddedDatabase pg = EmbeddedDatabase.start(Files.createTempDirectory("mockroom-health-pg"));
    DatabaseUrl url = pg.url();
    TestServer server = TestServer.start(url);
    try {
      Http.Reply up = Http.get(server.baseUrl() + "/health");
      assertThat(up.status()).isEqualTo(200);
      JsonNode body = up.json();
      assertThat(body.get("status").asText()).isEqualTo("up");
      assertThat(body.get("database").asText()).isEqualTo("up");
      assertThat(body.get("version").asText()).isNotBlank();

      pg.close();

      Http.Reply down = Http.get(server.baseUrl() + "/health");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().get("database").asText()).isEqualTo("down");
      assertThat(down.json().get("message").asText()).startsWith("The database does not answer");
    } finally {
      server.close();
      pg.close();
    }
  }
}
