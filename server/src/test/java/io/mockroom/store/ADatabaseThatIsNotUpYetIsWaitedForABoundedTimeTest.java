package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Folders;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Only a database that is not up yet — nothing listening, or Postgres still starting — is waited
 * for, for a bounded time (a minute in production), with a log line per attempt every few
 * seconds at most.
 */
class ADatabaseThatIsNotUpYetIsWaitedForABoundedTimeTest {
  private final Logger migrationsLog = (Logger) LoggerFactory.getLogger(Migrations.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Vertx vertx;

  @BeforeEach
  void listen() {
    logged.start();
    migrationsLog.addAppender(logged);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    migrationsLog.detachAppender(logged);
    vertx.close().await();
  }

  @Test
  void aRefusedConnectionIsTriedAgainUntilTheWaitIsOverThenTheStartFailsSayingSo() throws Exception {
    int port = freePort();
    DatabaseUrl url = new DatabaseUrl("127.0.0.1", port, "mockroom", "mockroom", "secret");
    long started = System.nanoTime();
    assertThatThrownBy(() -> Database.open(vertx, config(url), Duration.ofSeconds(6)).await(60, TimeUnit.SECONDS))
        .hasMessage("Could not prepare the database at postgresql://mockroom:***@127.0.0.1:" + port + "/mockroom:"
            + " connection refused for 6 s; check that Postgres runs at 127.0.0.1:" + port + " and accepts connections there");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(30));
    // Pauses of 1, 2, 4, then 5 s: a line per attempt, never a line a second for long.
    assertThat(logged.list).hasSizeBetween(3, 5);
    assertThat(logged.list.get(0).getFormattedMessage())
        .isEqualTo("The database at postgresql://mockroom:***@127.0.0.1:" + port + "/mockroom is not up yet"
            + " (connection refused); trying again in 1 s, for up to 6 s more");
    assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("secret"));
  }

  @Test
  void aDatabaseThatComesUpWhileTheStartWaitsIsUsed() throws Exception {
    int port = freePort();
    Path dir = Files.createTempDirectory("mockroom-late-pg");
    // Made once first, so its superuser's password (a new folder gets a random one) is known before it comes up again.
    EmbeddedDatabase first = EmbeddedDatabase.start(dir, port, false);
    DatabaseUrl url = first.url();
    first.close();
    CompletableFuture<EmbeddedDatabase> late = CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return EmbeddedDatabase.start(dir, port, false);
    });
    try {
      Database db = Database.open(vertx, config(url),
          Duration.ofSeconds(60)).await(90, TimeUnit.SECONDS);
      assertThat(db.pool().query("select 1").execute().await().size()).isEqualTo(1);
      db.close(vertx).await();
      assertThat(logged.list).isNotEmpty();
    } finally {
      late.get(90, TimeUnit.SECONDS).close();
      Folders.delete(dir);
    }
  }

  private static Config config(DatabaseUrl url) {
    return Config.forTests(Path.of("unused")).withImportBank(false).withDatabaseUrl(url);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
