package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A data folder the server cannot make stops the start as a configuration error naming its key;
 * before, Vert.x failed on its file cache inside it ("Unable to create folder at path …") and
 * nothing said which setting to change (an operator audit).
 */
class ADataFolderTheServerCannotMakeIsAConfigurationErrorIT {

  @Test
  void theStartStopsNamingMockroomDataDir() throws Exception {
    JarProcess.Exit exit = JarProcess.runUntilExit(Path.of("/proc/mockroom-cannot-be-here"), Duration.ofSeconds(60));
    assertThat(exit.status()).isEqualTo(2);
    assertThat(exit.output()).anyMatch(l -> l.startsWith("Configuration error: MOCKROOM_DATA_DIR: '/proc/mockroom-cannot-be-here' cannot be created"));
  }
}
