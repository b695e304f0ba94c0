package io.mockroom.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a connection to Postgres uses TLS: the {@code sslmode} of a database URL, with libpq's
 * meaning. Only the two {@code verify-} modes check the server's certificate, against the JVM's
 * default trust store; {@code prefer} and {@code require} encrypt without knowing who answers.
 */
public enum SslMode {
  /** Plain connections only. */
  DISABLE("disable"),
  /** TLS when the server offers it, plain otherwise; the certificate is not checked (libpq's default). */
  PREFER("prefer"),
  /** TLS or no connection; the certificate is not checked. */
  REQUIRE("require"),
  /** TLS with a certificate signed by an authority the JVM trusts; the host name is not checked. */
  VERIFY_CA("verify-ca"),
  /** As {@link #VERIFY_CA}, and the certificate must name the host connected to. */
  VERIFY_FULL("verify-full");

  private final String libpqName;

  SslMode(String libpqName) {
    this.libpqName = libpqName;
  }

  /** The value as libpq and the JDBC driver spell it, e.g. {@code verify-full}. */
  public String libpqName() {
    return libpqName;
  }

  /** Whether a plain connection is refused. */
  public boolean requiresTls() {
    return this != DISABLE && this != PREFER;
  }

  /** Whether the server's certificate must chain up to an authority the JVM trusts. */
  public boolean verifiesCertificate() {
    return this == VERIFY_CA || this == VERIFY_FULL;
  }

  static SslMode parse(String key, String raw) {
    for (SslMode m : values()) {
      if (m.libpqName.equals(raw)) return m;
    }
    throw new ConfigException(key, "sslmode '" + raw + "' is not one of " + names());
  }

  static String names() {
    return Arrays.stream(values()).map(SslMode::libpqName).collect(Collectors.joining(", "));
  }
}
