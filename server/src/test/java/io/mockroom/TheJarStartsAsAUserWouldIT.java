package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar the way the README says, on a fresh data folder with its embedded
 * Postgres, then again on the same folder: the bank is there once, not twice.
 */
class TheJarStartsAsAUserWouldIT {
  @Test
  void aFreshDataFolderGetsTheBankAndARestartKeepsIt() throws Exception {
    assertThat(JarProcess.jar()).exists();
    Path dataDir = Files.createTempDirectory("mockroom-jar-data");

    JarProcess first = JarProcess.start(dataDir);
    List<String> firstIds;
    long total;
    String cookie;
    try {
      JsonNode health = Http.get(first.baseUrl() + "/health").json();
      assertThat(health.get("status").asText()).isEqualTo("up");
      assertThat(health.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");

      cookie = io.mockroom.testing.Interviewer.signUp(first.baseUrl(), "Jar Org").cookie();
      JsonNode questions = Http.get(first.baseUrl() + "/api/questions?pageSize=100", cookie).json();
      total = questions.get("total").asLong();
      assertThat(total).isGreaterThan(150);
      firstIds = ids(questions);

      Http.Reply page = Http.get(first.baseUrl() + "/bank");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("app.js");
      assertThat(Http.get(first.baseUrl() + "/app.js").status()).isEqualTo(200);
    } finally {
      first.stop();
    }
    assertThat(first.output()).anyMatch(l -> l.contains("Question bank imported:") && l.contains(" new,"));
    // Started as ./mockroom and the image start it: with server/jvm.options, which it logs.
    String jvm = first.output().stream().filter(l -> l.contains("JVM: ")).findFirst()
        .orElseThrow(() -> new AssertionError("no JVM line in " + first.output()));
    assertThat(io.mockroom.deploy.EveryStartOfTheServerUsesItsJvmOptionsTest.options()).isNotEmpty()
        .allSatisfy(option -> assertThat(jvm).contains(option));

    JarProcess second = JarProcess.start(dataDir);
    try {
      // The account and its login survive the restart too (both are rows in the embedded Postgres).
      JsonNode questions = Http.get(second.baseUrl() + "/api/questions?pageSize=100", cookie).json();
      assertThat(questions.get("total").asLong()).isEqualTo(total);
      assertThat(ids(questions)).isEqualTo(firstIds);
    } finally {
      second.stop();
      io.mockroom.testing.Folders.delete(dataDir);
    }
    assertThat(second.output()).anyMatch(l -> l.contains("Question bank imported: 0 new, 0 updated"));
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }
}
