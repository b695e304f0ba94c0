package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Folders;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * An operator restoring a cold backup copied the {@code postgres} folder back with {@code cp -r}
 * (mode 0755, not 0700): Postgres refused to run on it, and the start waited a minute and failed
 * with "connection refused", saying to check that the folder is writable. The server now closes
 * its own folder again (Postgres wants no one else in it), says so, and serves what was backed up.
 */
class ARestoredDataFolderOpenToOthersIsClosedAgainAndServesItsSessionsIT {

  @Test
  void theRestoredFolderStartsAtOnceWithItsSessionsAndLogins() throws Exception {
    Path original = Files.createTempDirectory("mockroom-backed-up");
    Path restored = Files.createTempDirectory("mockroom-restored");
    try {
      Interviewer ada;
      JsonNode session;
      try (JarProcess server = JarProcess.start(original)) {
        ada = Interviewer.signUp(server.baseUrl(), "Acme");
        session = ada.createSession("Backed up", "Grace", 1);
        server.stop();
      }
      // The copy a hand restore makes: everything, with the modes cp gives new folders.
      Process cp = new ProcessBuilder("cp", "-r", original.resolve("postgres").toString(), restored.toString()).inheritIO().start();
      assertThat(cp.waitFor()).isZero();
      Path pgData = restored.resolve("postgres");
      Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwxr-xr-x"));

      long started = System.nanoTime();
      try (JarProcess server = JarProcess.start(restored)) {
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds to start").isLessThan(45);
        assertThat(java.util.List.copyOf(server.output())).anyMatch(l -> l.contains("The embedded database folder " + pgData
            + " had mode rwxr-xr-x; set to rwx------, as Postgres requires"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgData))).isEqualTo("rwx------");
        Interviewer same = new Interviewer(server.baseUrl(), ada.cookie(), ada.account());
        JsonNode sessions = Http.get(same.baseUrl() + "/api/sessions", same.cookie()).json().get("items");
        assertThat(sessions).extracting(s -> s.get("id").asText()).containsExactly(session.get("id").asText());
        assertThat(Http.get(server.baseUrl() + "/api/join/" + Interviewer.token(session), null).status()).isEqualTo(200);
      }
    } finally {
      Folders.delete(original);
      Folders.delete(restored);
    }
  }
}
