package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.MockroomServer;
import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.config.SslMode;
import io.mockroom.testing.LockedPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong password, a missing database or role, or a server without the TLS the URL requires
 * will not mend by waiting: the start fails in seconds with the server's words (it retried for
 * eight minutes, logging thousands of lines, before).
 */
class ADatabaseThatTurnsUsAwayFailsTheStartAtOnceTest {
  /** Generous: it takes a second or two; the point is that it no longer takes minutes. */
  private static final Duration AT_ONCE = Duration.ofSeconds(30);

  static LockedPostgres pg;
  static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    pg = LockedPostgres.start(false);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    pg.close();
  }

  @Test
  void aWrongPasswordFailsTheStartAtOnceWithoutPrintingIt() {
    String message = failedStart(pg.url(LockedPostgres.USER, "wr0ng-secret", LockedPostgres.DATABASE, SslMode.PREFER));
    assertThat(message)
        .startsWith("Could not prepare the database at postgresql://app:***@127.0.0.1:" + pg.port()
            + "/appdb: FATAL: password authentication failed for user \"app\"")
        .contains("check the user and password in MOCKROOM_DATABASE_URL")
        .doesNotContain("wr0ng-secret");
  }

  @Test
  void aMissingDatabaseFailsTheStartAtOnce() {
    String message = failedStart(pg.url(LockedPostgres.USER, LockedPostgres.PASSWORD_IN_URL, "nosuchdb", SslMode.PREFER));
    assertThat(message)
        .startsWith("Could not prepare the database at postgresql://app:***@127.0.0.1:" + pg.port()
            + "/nosuchdb: FATAL: database \"nosuchdb\" does not exist")
        .contains("create the database")
        .doesNotContain(LockedPostgres.PASSWORD).doesNotContain(LockedPostgres.PASSWORD_IN_URL);
  }

  @Test
  void aMissingRoleFailsTheStartAtOnce() {
    // With passwords, Postgres says no more than that the password is wrong.
    assertThat(failedStart(pg.url("ghost", "boo", LockedPostgres.DATABASE, SslMode.PREFER)))
        .startsWith("Could not prepare the database at postgresql://ghost:***@127.0.0.1:" + pg.port()
            + "/appdb: FATAL: password authentication failed for user \"ghost\"");
  }

  @Test
  void sslmodeRequireAgainstAServerWithoutTlsFailsInsteadOfGoingPlain() {
    DatabaseUrl url = pg.url(LockedPostgres.USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, SslMode.REQUIRE);
    assertThat(failedStart(url))
        .startsWith("Could not prepare the database at postgresql://app:***@127.0.0.1:" + pg.port()
            + "/appdb?sslmode=require: The server does not support SSL.")
        .contains("enable SSL on the server, or set sslmode=prefer or disable");
    // The server's pools would not go plain either.
    Pool pool = Database.pool(vertx, url, 1);
    try {
      var query = pool.query("select 1").execute().toCompletionStage().toCompletableFuture();
      assertThatThrownBy(() -> query.get(AT_ONCE.toSeconds(), TimeUnit.SECONDS))
          .as("a query of the pool under sslmode=require on a server without TLS")
          .isInstanceOf(ExecutionException.class).hasMessageContaining("SSL");
    } finally {
      pool.close().await();
    }
  }

  @Test
  void aPasswordWithUrlSpecialCharactersAndAPlusIsAccepted() throws Exception {
    Config config = Config.forTests(Path.of("unused")).withImportBank(false)
        .withDatabaseUrl(pg.url(LockedPostgres.USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, SslMode.DISABLE));
    Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
    try {
      assertThat(db.pool().query("select current_user").execute().await().iterator().next().getString(0))
          .isEqualTo(LockedPostgres.USER);
    } finally {
      db.close(vertx).await();
    }
  }

  /** Starts a whole server on {@code url}; its failure's message, once it failed within {@link #AT_ONCE}. */
  private static String failedStart(DatabaseUrl url) {
    Config config = Config.forTests(Path.of("unused")).withImportBank(false).withDatabaseUrl(url);
    long started = System.nanoTime();
    try {
      MockroomServer server = MockroomServer.start(vertx, config).await(AT_ONCE.toSeconds(), TimeUnit.SECONDS);
      server.close().await();
      throw new AssertionError("started on " + url);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the start on " + url + " had not failed after " + AT_ONCE.toSeconds() + " s");
    } catch (IllegalStateException e) {
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
