package io.mockroom.testing;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.config.SslMode;
import io.mockroom.store.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A real Postgres (started like the embedded one) that checks passwords and, when asked, speaks
 * TLS with a self-signed certificate made for it, as a managed Postgres would; the shared test
 * Postgres trusts every local connection and has no TLS.
 *
 * <p>Roles: {@link #USER} with {@link #PASSWORD} (URL-special characters, {@code +} among them)
 * over any connection, and {@link #TLS_ONLY_USER} (same password, acting as {@link #USER}) over
 * TLS only, in the database {@link #DATABASE}. Any other role is refused for its password.
 */
public final class LockedPostgres implements AutoCloseable {
  public static final String USER = "app";
  public static final String TLS_ONLY_USER = "tlsonly";
  public static final String PASSWORD = "p+ss w@rd/%é:1";
  /** {@link #PASSWORD} percent-encoded for a URL's user information. */
  public static final String PASSWORD_IN_URL = "p+ss%20w%40rd%2F%25%C3%A9:1";
  public static final String DATABASE = "appdb";

  private final Path dir;
  private final EmbeddedDatabase server;

  private LockedPostgres(Path dir, EmbeddedDatabase server) {
    this.dir = dir;
    this.server = server;
  }

  /** @param tls whether the server offers TLS (with a certificate for localhost and 127.0.0.1) */
  public static LockedPostgres start(boolean tls) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("mockroom-locked-pg");
    EmbeddedDatabase server = EmbeddedDatabase.start(dir, 0, false);
    LockedPostgres pg = new LockedPostgres(dir, server);
    Path data = dir.resolve("postgres");
    DatabaseUrl admin = server.url();
    SharedPostgres.execute(admin, "create role " + USER + " login password '" + PASSWORD + "'");
    SharedPostgres.execute(admin, "create role " + TLS_ONLY_USER + " login password '" + PASSWORD + "'");
    SharedPostgres.execute(admin, "create database " + DATABASE + " owner " + USER);
    // Both act as the owner, so either can migrate after the other.
    SharedPostgres.execute(admin, "grant " + USER + " to " + TLS_ONLY_USER);
    SharedPostgres.execute(admin, "alter role " + TLS_ONLY_USER + " set role = " + USER);
    // So that pg_stat_ssl shows either its own connection, whichever role it acts as.
    SharedPostgres.execute(admin, "grant pg_read_all_stats to " + USER + ", " + TLS_ONLY_USER);
    if (tls) {
      try {
        selfSigned(data.resolve("server.key"), data.resolve("server.crt"), "localhost", "DNS:localhost,IP:127.0.0.1");
      } catch (IllegalStateException e) {
        pg.close();
        throw e;
      }
      SharedPostgres.execute(admin, "alter system set ssl = on");
    }
    // The administrator (this class) stays trusted; everyone else gives a password.
    Files.writeString(data.resolve("pg_hba.conf"), ""
        + "host    all postgres 127.0.0.1/32 trust\n"
        + "hostnossl all " + TLS_ONLY_USER + " 127.0.0.1/32 reject\n"
        + "hostssl all " + TLS_ONLY_USER + "  127.0.0.1/32 scram-sha-256\n"
        + "host    all " + USER + "      127.0.0.1/32 scram-sha-256\n"
        + "host    all all      127.0.0.1/32 scram-sha-256\n");
    SharedPostgres.execute(admin, "select pg_reload_conf()");
    return pg;
  }

  /**
   * A self-signed certificate (its own authority) for {@code subjectAltName}, e.g.
   * {@code DNS:localhost,IP:127.0.0.1}, and its key, readable by its owner only (Postgres refuses a
   * key others can read).
   */
  public static void selfSigned(Path key, Path certificate, String commonName, String subjectAltName)
      throws IOException, InterruptedException {
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=" + commonName, "-addext", "subjectAltName=" + subjectAltName,
        "-keyout", key.toString(), "-out", certificate.toString())
        .redirectErrorStream(true).start();
    String out = new String(openssl.getInputStream().readAllBytes());
    if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
      throw new IllegalStateException("openssl could not make a certificate: " + out);
    }
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
  }

  /** The certificate the server presents (self-signed: it is its own authority). */
  public Path certificate() {
    return dir.resolve("postgres").resolve("server.crt");
  }

  /** The server presents a new self-signed certificate for {@code subjectAltName} from now on (a reload, as an operator's). */
  public void newCertificate(String commonName, String subjectAltName) throws IOException, InterruptedException {
    Path data = dir.resolve("postgres");
    selfSigned(data.resolve("server.key"), data.resolve("server.crt"), commonName, subjectAltName);
    SharedPostgres.execute(server.url(), "select pg_reload_conf()");
  }

  /** The address of {@link #DATABASE} as {@code user}, with this password (as written in a URL) and sslmode. */
  public DatabaseUrl url(String user, String passwordInUrl, String database, SslMode sslMode) {
    return DatabaseUrl.parse("test", "postgresql://" + user + ":" + passwordInUrl + "@127.0.0.1:" + port() + "/" + database
        + "?sslmode=" + sslMode.libpqName());
  }

  public int port() {
    return server.url().port();
  }

  public DatabaseUrl admin() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    Folders.delete(dir);
  }
}
