package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFoldersOfProcessesThatAreGoneAreDeletedAtStartTest {

  @Test
  void aDeadProcesssFolderAndThisPidsOldContentGoAndALiveProcesssFolderStays(@TempDir Path dataDir) throws Exception {
    Path cache = dataDir.resolve("cache");
    long gone = pidOfAProcessThatEnded();
    long alive = ProcessHandle.current().parent().orElseThrow().pid();
    long self = ProcessHandle.current().pid();
    // As Vert.x names them: <base>-<uuid>.
    Path goneFolder = cache.resolve(gone + "-" + UUID.randomUUID());
    write(goneFolder.resolve("webroot/app.js"));
    Path aliveFile = write(cache.resolve(alive + "-" + UUID.randomUUID() + "/webroot/app.js"));
    Path samePidEarlier = cache.resolve(self + "-" + UUID.randomUUID());
    write(samePidEarlier.resolve("webroot/app.js"));
    Path notOurs = write(cache.resolve("notes/keep.txt"));

    Path base = FileCacheFolder.prepare(dataDir);

    assertThat(base).isEqualTo(cache.resolve(Long.toString(self)));
    assertThat(goneFolder).doesNotExist();
    assertThat(samePidEarlier).doesNotExist();
    assertThat(aliveFile).exists();
    assertThat(notOurs).exists();
  }

  @Test
  void aDataFolderWithoutACacheIsFine(@TempDir Path dataDir) {
    assertThat(FileCacheFolder.prepare(dataDir)).isEqualTo(dataDir.resolve("cache").resolve(Long.toString(ProcessHandle.current().pid())));
    assertThat(dataDir.resolve("cache")).doesNotExist();
  }

  private static long pidOfAProcessThatEnded() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.toHandle().isAlive()).isFalse();
    return p.pid();
  }

  private static Path write(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    return file;
  }
}
