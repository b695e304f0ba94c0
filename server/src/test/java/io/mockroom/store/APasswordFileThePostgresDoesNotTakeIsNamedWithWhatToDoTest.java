package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.testing.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A password file that is not the embedded superuser's (changed inside Postgres, or copied from
 * another data folder's backup) failed the start after a minute with "Check that the folder is
 * writable, or set MOCKROOM_DATABASE_URL", which sent the operator the wrong way. The start now
 * names the file and the two ways out, and stops the Postgres it started (it was left running,
 * holding the folder).
 */
class APasswordFileThePostgresDoesNotTakeIsNamedWithWhatToDoTest {

  @Test
  void theStartNamesTheFileAndWhatToDoAndStopsThePostgresItStarted() throws Exception {
    Path dir = Files.createTempDirectory("mockroom-wrong-password");
    try {
      EmbeddedDatabase.start(dir, 0, false).close();
      Path file = dir.resolve("postgres").resolve("superuser-password");
      Files.writeString(file, "from-another-data-folder\n");

      // The library waits its minute for a Postgres that turns the password down.
      assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, false))
          .hasMessage("The embedded Postgres in " + dir.resolve("postgres") + " does not take the password in " + file
              + " (password authentication failed): it was changed inside Postgres, or the file comes from another data"
              + " folder. Write the right password into the file, or, with Mockroom stopped, delete the file: the next"
              + " start sets a new password.");

      // … and the Postgres it started for nothing is stopped, not left holding the folder.
      assertThat(dir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();

      // (Deleting the file mends it, as the message says: a start without the file sets a new
      // password in single-user mode. Not tried here: the library keeps its own lock on the folder
      // in this JVM after a failed start, which a real start, a process of its own, does not.)
    } finally {
      Folders.delete(dir);
    }
  }
}
