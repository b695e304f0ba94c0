package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mockroom.testing.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A Postgres folder restored or first made by another account (a backup unpacked as root, one
 * `sudo ./mockroom`): Postgres runs only on a folder of its own user, and the start waited a minute
 * for it and failed with "connection refused" (as root) or an initdb failure (as the service
 * user), saying to check that the folder is writable. It now stops at once, naming both users
 * and the command that fixes it, and leaves the folder as it was.
 */
class ADatabaseFolderOfAnotherUserStopsTheStartAtOnceSayingWhatToRunTest {

  @Test
  void theStartNamesTheOwnerAndTheChownToRun() throws Exception {
    // Giving a folder away takes root; the suite runs as root in CI and in the project's machines.
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder to another user");
    Path dir = Files.createTempDirectory("mockroom-not-ours");
    try {
      Path pgData = Files.createDirectories(dir.resolve("postgres"));
      Files.writeString(pgData.resolve("PG_VERSION"), "14\n");
      Files.setAttribute(pgData, "unix:uid", 65534);
      String owner = Files.getOwner(pgData).getName();
      long started = System.nanoTime();
      assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, false))
          .hasMessage("The embedded database folder " + pgData + " belongs to the user " + owner
              + ", but Mockroom runs as root, and Postgres runs only on a folder of its own user. Start Mockroom as " + owner
              + ", or give the folder to this user: chown -R root " + pgData);
      assertThat((System.nanoTime() - started) / 1_000_000).as("ms to refuse").isLessThan(5_000);
      assertThat(Files.list(pgData)).extracting(p -> p.getFileName().toString()).containsExactly("PG_VERSION");
      // The folder's lock is given back: the start after a chown is not refused as "in use".
      Files.setAttribute(pgData, "unix:uid", 0);
      Folders.delete(pgData);
      EmbeddedDatabase.start(dir, 0, false).close();
    } finally {
      Folders.delete(dir);
    }
  }
}
