package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Folders;
import io.mockroom.testing.Http;
import io.mockroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged jar: the server closes its sockets, lets the event log write what it
 * holds, closes its connections, and only then stops its embedded Postgres. Postgres's own log
 * tells the order: a connection still open when Postgres stops is ended with "terminating
 * connection due to administrator command" — which a stop in parallel (the library's own
 * shutdown hook, as before) wrote every time.
 */
class StoppingTheJarStopsItsPostgresLastIT {
  @Test
  void postgresStopsAfterTheServerClosedItsConnections() throws Exception {
    Path dataDir = Files.createTempDirectory("mockroom-jar-stop");
    try {
      JarProcess jar = JarProcess.start(dataDir);
      try {
        // Connections in use: the health check, a sign-up and the bank's first page open pool connections.
        assertThat(Http.get(jar.baseUrl() + "/health").status()).isEqualTo(200);
        String cookie = io.mockroom.testing.Interviewer.signUp(jar.baseUrl(), "Stopping Org").cookie();
        assertThat(Http.get(jar.baseUrl() + "/api/questions?pageSize=5", cookie).status()).isEqualTo(200);
      } finally {
        jar.stop();
      }
      assertThat(jar.output()).anyMatch(l -> l.contains("Shutting down"));
      assertThat(jar.output()).anyMatch(l -> l.contains("MockroomServer - Stopped in"));

      List<String> postgres = postgresLog(dataDir);
      assertThat(postgres).anyMatch(l -> l.contains("database system is shut down"));
      assertThat(postgres).noneMatch(l -> l.contains("terminating connection due to administrator command"));
      assertThat(postgres).noneMatch(l -> l.contains("FATAL") || l.contains("ERROR"));
    } finally {
      Folders.delete(dataDir);
    }
  }

  private static List<String> postgresLog(Path dataDir) throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("postgres").resolve("log"))) {
      return files.flatMap(f -> {
        try {
          return Files.readAllLines(f).stream();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
