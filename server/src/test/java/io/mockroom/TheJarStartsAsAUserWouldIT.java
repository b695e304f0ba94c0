package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar the way the README says, on a fresh data folder with its embedded
 * Postgres, then again on the same folder: the bank is there once, not twice.
 */
class TheJarStartsAsAUserWouldIT {
  private static final Pattern UP = Pattern.compile("is up at http://[^:]+:(\\d+)/");

  record Running(Process process, int port, List<String> output) {}

  @Test
  void aFreshDataFolderGetsTheBankAndARestartKeepsIt() throws Exception {
    Path jar = Path.of(System.getProperty("mockroom.jar", "target/mockroom.jar"));
    assertThat(jar).exists();
    Path dataDir = Files.createTempDirectory("mockroom-jar-data");

    Running first = start(jar, dataDir);
    List<String> firstIds;
    long total;
    try {
      JsonNode health = Http.get(base(first) + "/health").json();
      assertThat(health.get("status").asText()).isEqualTo("up");
      assertThat(health.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");

      JsonNode questions = Http.get(base(first) + "/api/questions?pageSize=100").json();
      total = questions.get("total").asLong();
      assertThat(total).isGreaterThan(150);
      firstIds = ids(questions);

      Http.Reply page = Http.get(base(first) + "/bank");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("app.js");
      assertThat(Http.get(base(first) + "/app.js").status()).isEqualTo(200);
    } finally {
      stop(first);
    }
    assertThat(first.output()).anyMatch(l -> l.contains("Question bank imported:") && l.contains(" new,"));

    Running second = start(jar, dataDir);
    try {
      JsonNode questions = Http.get(base(second) + "/api/questions?pageSize=100").json();
      assertThat(questions.get("total").asLong()).isEqualTo(total);
      assertThat(ids(questions)).isEqualTo(firstIds);
    } finally {
      stop(second);
    }
    assertThat(second.output()).anyMatch(l -> l.contains("Question bank imported: 0 new, 0 updated"));
  }

  private static String base(Running r) {
    return "http://127.0.0.1:" + r.port();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  private static Running start(Path jar, Path dataDir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
    pb.environment().put("MOCKROOM_DATA_DIR", dataDir.toString());
    pb.environment().put("MOCKROOM_PORT", "0");
    pb.environment().put("MOCKROOM_HOST", "127.0.0.1");
    pb.environment().remove("MOCKROOM_DATABASE_URL");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          System.out.println("[jar] " + line);
          output.add(line);
          Matcher m = UP.matcher(line);
          if (m.find()) port.complete(Integer.parseInt(m.group(1)));
        }
      } catch (Exception ignored) {
        // the process ended
      }
      port.completeExceptionally(new AssertionError("the server ended before it was up: " + output));
    }, "jar-output");
    reader.setDaemon(true);
    reader.start();
    return new Running(p, port.get(3, TimeUnit.MINUTES), output);
  }

  private static void stop(Running r) throws Exception {
    r.process().destroy(); // SIGTERM: the shutdown hook stops the HTTP server and Postgres
    assertThat(r.process().waitFor(60, TimeUnit.SECONDS)).as("server stopped within a minute").isTrue();
  }
}
