package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.config.SslMode;
import io.mockroom.testing.LockedPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ?sslmode=verify-full&sslrootcert=/path/ca.pem}, as for a managed Postgres whose CA bundle
 * the operator downloaded: the migrations and both pools connect over TLS when the server's
 * certificate is signed by that file's authority and names the host; another authority is refused
 * with what to check; verify-ca accepts a certificate for another host name, verify-full does not.
 * The server's TLS-only role lets nothing in over a plain connection.
 */
class TheVerifyModesTrustTheAuthorityTheUrlNamesTest {
  static LockedPostgres pg;
  static Vertx vertx;
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    pg = LockedPostgres.start(true);
    vertx = Vertx.vertx();
    folder = Files.createTempDirectory("mockroom-root-certs");
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    pg.close();
  }

  @Test
  void aCertificateOfTheNamedAuthorityForThisHostIsTrustedByBothModes() throws Exception {
    Path ca = Files.copy(pg.certificate(), folder.resolve("db-ca.pem"));
    for (SslMode mode : new SslMode[] {SslMode.VERIFY_FULL, SslMode.VERIFY_CA}) {
      Database db = open(url(mode, ca));
      try {
        assertThat(usesTls(db.pool())).as(mode.libpqName() + ": the pool").isTrue();
        assertThat(usesTls(db.eventLogPool())).as(mode.libpqName() + ": the event log's pool").isTrue();
      } finally {
        db.close(vertx).await();
      }
    }
  }

  @Test
  void aCertificateOfAnotherAuthorityIsRefusedSayingWhatToCheck() throws Exception {
    Path other = folder.resolve("other-ca.pem");
    LockedPostgres.selfSigned(folder.resolve("other-ca.key"), other, "localhost", "DNS:localhost,IP:127.0.0.1");
    DatabaseUrl url = url(SslMode.VERIFY_FULL, other);
    assertThatThrownBy(() -> open(url))
        .hasMessageStartingWith("Could not prepare the database at " + url + ": SSL error:")
        .hasMessageContaining("must chain up to an authority in the file of sslrootcert=…");
    Pool pool = Database.pool(vertx, url, 1);
    try {
      assertThatThrownBy(() -> pool.query("select 1").execute().await(30, TimeUnit.SECONDS)).as("the pool")
          .hasMessageContaining("SSL handshake failed");
    } finally {
      pool.close().await();
    }
  }

  @Test
  void onlyVerifyCaAcceptsACertificateThatNamesAnotherHost() throws Exception {
    // The other tests need the certificate for localhost: it is put back at the end.
    pg.newCertificate("db.elsewhere.example", "DNS:db.elsewhere.example");
    try {
      Path ca = Files.copy(pg.certificate(), folder.resolve("elsewhere-ca.pem"));
      Database db = open(url(SslMode.VERIFY_CA, ca));
      try {
        assertThat(usesTls(db.pool())).isTrue();
      } finally {
        db.close(vertx).await();
      }
      DatabaseUrl full = url(SslMode.VERIFY_FULL, ca);
      assertThatThrownBy(() -> open(full)).hasMessageStartingWith("Could not prepare the database at " + full + ":")
          .hasMessageContaining("The hostname 127.0.0.1 could not be verified")
          .hasMessageContaining("the server's certificate must name the host of MOCKROOM_DATABASE_URL");
    } finally {
      pg.newCertificate("localhost", "DNS:localhost,IP:127.0.0.1");
    }
  }

  private static DatabaseUrl url(SslMode mode, Path rootCert) {
    DatabaseUrl u = pg.url(LockedPostgres.TLS_ONLY_USER, LockedPostgres.PASSWORD_IN_URL, LockedPostgres.DATABASE, mode);
    return new DatabaseUrl(u.host(), u.port(), u.database(), u.user(), u.password(), mode, Optional.of(rootCert));
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
