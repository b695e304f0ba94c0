package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.config.SslMode;
import io.mockroom.testing.LockedPostgres;
import io.mockroom.testing.SharedPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sslmode} means what it means to libpq, for Flyway's JDBC connection and for both Vert.x
 * pools, against a Postgres with a self-signed certificate made for the test: its TLS-only role
 * lets nothing in over a plain connection, so a start that succeeds as it used TLS everywhere.
 */
class SslModeIsHonouredByTheMigrationsAndEveryPoolTest {
  static LockedPostgres pg;
  static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    pg = LockedPostgres.start(true);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    pg.close();
  }

  @Test
  void requireEncryptsTheMigrationsAndEveryPoolWithoutCheckingTheCertificate() throws Exception {
    assertEveryConnectionUsesTls(SslMode.REQUIRE, true);
  }

  @Test
  void preferEncryptsWhenTheServerOffersTls() throws Exception {
    assertEveryConnectionUsesTls(SslMode.PREFER, true);
  }

  @Test
  void disableConnectsPlainAndAServerThatWantsTlsTurnsItAwayAtOnce() throws Exception {
    DatabaseUrl plain = pg.url(LockedPostgres.USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, SslMode.DISABLE);
    Database db = open(plain);
    try {
      assertThat(usesTls(db.pool())).isFalse();
      assertThat(usesTls(db.eventLogPool())).isFalse();
    } finally {
      db.close(vertx).await();
    }
    DatabaseUrl refused = pg.url(LockedPostgres.TLS_ONLY_USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, SslMode.DISABLE);
    assertThatThrownBy(() -> open(refused))
        .hasMessageStartingWith("Could not prepare the database at postgresql://tlsonly:***@127.0.0.1:" + pg.port()
            + "/appdb?sslmode=disable: FATAL: pg_hba.conf rejects connection for host \"127.0.0.1\", user \"tlsonly\"");
  }

  @Test
  void theVerifyModesRefuseACertificateTheJvmDoesNotTrust() {
    for (SslMode mode : new SslMode[] {SslMode.VERIFY_CA, SslMode.VERIFY_FULL}) {
      DatabaseUrl url = pg.url(LockedPostgres.TLS_ONLY_USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, mode);
      assertThatThrownBy(() -> open(url)).as(mode.libpqName())
          .hasMessageStartingWith("Could not prepare the database at " + url + ": SSL error:")
          .hasMessageContaining("PKIX")
          .hasMessageContaining("must chain up to an authority in the file of sslrootcert=… or, without it, in the JVM's trust store");
      Pool pool = Database.pool(vertx, url, 1);
      try {
        var query = pool.query("select 1").execute().toCompletionStage().toCompletableFuture();
        assertThatThrownBy(() -> query.get(30, TimeUnit.SECONDS)).as(mode.libpqName() + " pool")
            .isInstanceOf(ExecutionException.class);
      } finally {
        pool.close().await();
      }
    }
  }

  @Test
  void plainServersStillWorkUnderDisableAndPrefer() throws Exception {
    DatabaseUrl admin = SharedPostgres.emptyDatabase();
    for (SslMode mode : new SslMode[] {SslMode.DISABLE, SslMode.PREFER}) {
      DatabaseUrl url = new DatabaseUrl(admin.host(), admin.port(), admin.database(), admin.user(), admin.password(), mode);
      Database db = open(url);
      try {
        assertThat(usesTls(db.pool())).as(mode.libpqName()).isFalse();
      } finally {
        db.close(vertx).await();
      }
    }
  }

  private static void assertEveryConnectionUsesTls(SslMode mode, boolean expected) throws Exception {
    Database db = open(pg.url(LockedPostgres.TLS_ONLY_USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, mode));
    try {
      assertThat(usesTls(db.pool())).as("the pool").isEqualTo(expected);
      assertThat(usesTls(db.eventLogPool())).as("the event log's pool").isEqualTo(expected);
    } finally {
      db.close(vertx).await();
    }
  }

  private static Database open(DatabaseUrl url) throws Exception {
    return Database.open(vertx, Config.forTests(Path.of("unused")).withImportBank(false).withDatabaseUrl(url))
        .await(60, TimeUnit.SECONDS);
  }

  private static boolean usesTls(Pool pool) {
    return pool.query("select ssl from pg_stat_ssl where pid = pg_backend_pid()").execute().await()
        .iterator().next().getBoolean(0);
  }
}
