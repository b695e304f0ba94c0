package io.mockroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslrootcert} in MOCKROOM_DATABASE_URL names the PEM file of the authorities the verify
 * modes trust. It is refused with a mode that checks no certificate (it would be ignored without a
 * word), when the file is not there, empty or given twice; {@code system} means the JVM's trust
 * store, as libpq 16's {@code sslrootcert=system} means the system's. The JDBC URL of the
 * migrations carries it to the driver's libpq-like factory.
 */
class AnSslRootCertIsReadOnlyWithAVerifyModeAndAnExistingFileTest {
  private static final String KEY = "MOCKROOM_DATABASE_URL";

  @TempDir
  Path folder;

  @Test
  void aVerifyModeTrustsTheNamedFileAndTheJdbcUrlCarriesIt() throws Exception {
    Path ca = Files.writeString(folder.resolve("db ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    String encoded = URLEncoder.encode(ca.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    DatabaseUrl url = parse("postgresql://u:p@db.internal/x?sslmode=verify-full&sslrootcert=" + encoded);
    assertThat(url.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(url.sslRootCert()).contains(ca);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/x?sslmode=verify-full"
        + "&sslfactory=org.postgresql.ssl.LibPQFactory&sslrootcert=" + URLEncoder.encode(ca.toString(), StandardCharsets.UTF_8));
    assertThat(url.toString()).isEqualTo("postgresql://u:***@db.internal:5432/x?sslmode=verify-full&sslrootcert=" + ca);
    assertThat(parse("postgresql://u:p@db/x?sslrootcert=" + encoded + "&sslmode=verify-ca").sslRootCert())
        .as("in either order").contains(ca);
  }

  @Test
  void systemMeansTheJvmsTrustStore() {
    DatabaseUrl url = parse("postgresql://u:p@db/x?sslmode=verify-full&sslrootcert=system");
    assertThat(url.sslRootCert()).isEmpty();
    assertThat(url.jdbcUrl()).endsWith("&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
  }

  @Test
  void aRootCertThatCouldNotBeUsedIsAConfigurationError() throws Exception {
    Path ca = Files.writeString(folder.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=require&sslrootcert=" + ca))
        .isInstanceOf(ConfigException.class)
        .hasMessage(KEY + ": gives sslrootcert with sslmode=require, which does not check the certificate;"
            + " use sslmode=verify-full (or verify-ca)");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslrootcert=" + ca))
        .hasMessage(KEY + ": gives sslrootcert with sslmode=prefer, which does not check the certificate;"
            + " use sslmode=verify-full (or verify-ca)");
    Path missing = folder.resolve("missing.pem");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=verify-full&sslrootcert=" + missing))
        .hasMessage(KEY + ": sslrootcert: no readable file at " + missing);
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=verify-full&sslrootcert=" + folder))
        .as("a folder").hasMessage(KEY + ": sslrootcert: no readable file at " + folder);
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=verify-full&sslrootcert="))
        .hasMessageStartingWith(KEY + ": has an empty sslrootcert; give the path of a PEM file");
    assertThatThrownBy(() -> load("postgresql://u:p@db/x?sslmode=verify-full&sslrootcert=" + ca + "&sslrootcert=" + ca))
        .hasMessage(KEY + ": gives sslrootcert twice");
  }

  private static DatabaseUrl parse(String raw) {
    return DatabaseUrl.parse(KEY, raw);
  }

  private static Config load(String raw) {
    return Config.load(Map.of(KEY, raw), List.of());
  }
}
