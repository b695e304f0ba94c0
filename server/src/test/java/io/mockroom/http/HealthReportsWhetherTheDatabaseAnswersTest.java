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
    java.nio.file.Path dir = Files.createTempDirectory("mockroom-health-pg");
    EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
    DatabaseUrl url = pg.url();
    TestServer server = TestServer.start(url);
    try {
      Http.Reply up = Http.get(server.baseUrl() + "/health");
      assertThat(up.status()).isEqualTo(200);
      JsonNode body = up.json();
      assertThat(body.get("status").asText()).isEqualTo("up");
      assertThat(body.get("database").asText()).isEqualTo("up");
      assertThat(body.get("version").asText()).isNotBlank();
      assertThat(body.get("cluster").isNull()).as("a single server has no cluster: " + body).isTrue();

      Http.Reply ready = Http.get(server.baseUrl() + "/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("status").asText()).isEqualTo("ready");
      assertThat(ready.json().get("database").asText()).isEqualTo("up");
      assertThat(ready.json().get("cluster").isNull()).as("a single server has no cluster: " + ready.body()).isTrue();

      pg.close();

      Http.Reply down = Http.get(server.baseUrl() + "/health");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().get("database").asText()).isEqualTo("down");
      assertThat(down.json().get("message").asText()).startsWith("The database does not answer");
      assertThat(down.json().get("cluster").isNull()).isTrue();

      Http.Reply notReady = Http.get(server.baseUrl() + "/health/ready");
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(notReady.json().get("status").asText()).isEqualTo("not ready");
      assertThat(notReady.json().get("message").asText()).startsWith("The database does not answer");
      assertThat(notReady.json().get("cluster").isNull()).isTrue();
    } finally {
      server.close();
      pg.close();
      io.mockroom.testing.Folders.delete(dir);
    }
  }
}
