package io.mockroom.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Postgres address given as {@code postgresql://user:pass@host:port/db?sslmode=…&sslrootcert=…},
 * read as libpq reads it: the user and password are percent-decoded ({@code %40} is {@code @}, and
 * {@code +} stays {@code +}), and {@code sslmode} and {@code sslrootcert} are the only query
 * parameters. {@code sslRootCert}: the PEM file of the authorities that sign the server's
 * certificate (a managed Postgres's CA bundle), for the verify modes; empty, those check against
 * the JVM's trust store ({@code sslrootcert=system}, as in libpq 16, says so explicitly).
 *
 * <p>The password is kept out of {@link #toString()} and out of every parse error, so it never
 * reaches a log line or the console: an error says which part is wrong, never what it holds.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, SslMode sslMode,
                          Optional<Path> sslRootCert) {

  private static final String EXPECTED = "expected postgresql://user:password@host:5432/database";
  private static final String ENCODE = "percent-encode special characters in the user and password"
      + " (%40 for @, %3A for :, %2F for /, %3F for ?, %23 for #, %25 for %, %20 for a space)";

  /** An address with libpq's default {@code sslmode=prefer}. */
  public DatabaseUrl(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, SslMode.PREFER);
  }

  /** An address whose verify modes, if any, check against the JVM's trust store. */
  public DatabaseUrl(String host, int port, String database, String user, String password, SslMode sslMode) {
    this(host, port, database, user, password, sslMode, Optional.empty());
  }

  public static DatabaseUrl parse(String key, String raw) {
    int schemeEnd = raw.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : raw.substring(0, schemeEnd);
    if (!scheme.equalsIgnoreCase("postgresql") && !scheme.equalsIgnoreCase("postgres")) {
      // Not named: whatever stands before "://" (or the whole value) could hold the password.
      throw new ConfigException(key, "does not start with postgresql:// (or postgres://); " + EXPECTED);
    }
    String rest = raw.substring(schemeEnd + 3);
    // The last @ ends the user and password, so an unencoded / ? # or @ in them is caught as
    // such instead of being read as the host, the database or a parameter.
    int at = rest.lastIndexOf('@');
    String address = rest.substring(at + 1);
    if (address.indexOf('#') >= 0) {
      throw new ConfigException(key, "has a # after the host; if it belongs to the password, " + ENCODE);
    }
    int query = address.indexOf('?');
    String hostPortPath = query < 0 ? address : address.substring(0, query);
    int slash = hostPortPath.indexOf('/');
    String database = slash < 0 ? "" : decode(key, "database name", hostPortPath.substring(slash + 1));
    if (database.isEmpty()) throw new ConfigException(key, "has no database name after the host, e.g. …:5432/mockroom");
    if (at < 0) throw new ConfigException(key, "has no user, e.g. postgresql://mockroom:secret@…; " + EXPECTED);

    String userInfo = rest.substring(0, at);
    int colon = userInfo.indexOf(':');
    String user = component(key, "user", colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : component(key, "password", userInfo.substring(colon + 1));
    if (user.isEmpty()) throw new ConfigException(key, "has no user, e.g. postgresql://mockroom:secret@…; " + EXPECTED);
    HostPort hp = hostPort(key, slash < 0 ? hostPortPath : hostPortPath.substring(0, slash));
    // Only now: without the @, what looks like parameters could be the password's end.
    Tls tls = query < 0 ? new Tls(SslMode.PREFER, Optional.empty()) : queryParameters(key, address.substring(query + 1));
    return new DatabaseUrl(hp.host, hp.port, database, user, password, tls.mode, tls.rootCert);
  }

  /**
   * The same address for the JDBC driver (Flyway). Its certificate checks follow {@link #sslMode}
   * as the Vert.x pools' do: none for prefer and require (the driver would otherwise read
   * {@code ~/.postgresql/root.crt}); for the verify modes, the authorities of {@link #sslRootCert},
   * or else the JVM's trust store.
   */
  public String jdbcUrl() {
    // The driver decodes the database name and parameters with URLDecoder: encode them to match.
    StringBuilder url = new StringBuilder("jdbc:postgresql://")
        .append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port)
        .append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8))
        .append("?sslmode=").append(sslMode.libpqName());
    if (sslRootCert.isPresent()) {
      // The driver's libpq-like factory reads the PEM file and checks the host name for verify-full.
      url.append("&sslfactory=org.postgresql.ssl.LibPQFactory&sslrootcert=")
          .append(URLEncoder.encode(sslRootCert.get().toString(), StandardCharsets.UTF_8));
    } else if (sslMode != SslMode.DISABLE) {
      url.append("&sslfactory=").append(sslMode.verifiesCertificate()
          ? "org.postgresql.ssl.DefaultJavaSSLFactory"
          : "org.postgresql.ssl.NonValidatingFactory");
    }
    return url.toString();
  }

  @Override
  public String toString() {
    return "postgresql://" + user + ":***@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
        + (sslMode == SslMode.PREFER ? "" : "?sslmode=" + sslMode.libpqName())
        + sslRootCert.map(p -> "&sslrootcert=" + p).orElse("");
  }

  private record HostPort(String host, int port) {}

  private static HostPort hostPort(String key, String hostPort) {
    String host;
    String port;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) throw new ConfigException(key, "has an IPv6 host without its closing ], e.g. postgresql://u:p@[::1]:5432/db");
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) throw new ConfigException(key, "has text after the IPv6 host's ]; " + EXPECTED);
      port = after.isEmpty() ? "" : after.substring(1);
      if (!host.matches("[0-9A-Fa-f:.]+")) throw new ConfigException(key, "has an IPv6 host that is not an address; " + EXPECTED);
    } else {
      int colon = hostPort.indexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? "" : hostPort.substring(colon + 1);
      if (host.isEmpty()) throw new ConfigException(key, "has no host; " + EXPECTED);
      if (!host.matches("[A-Za-z0-9._-]+")) {
        throw new ConfigException(key, "has a host that is not a name or an address; if the user or password has"
            + " special characters, " + ENCODE);
      }
    }
    if (port.isEmpty()) return new HostPort(host, 5432);
    int n = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
    if (n < 1 || n > 65535) throw new ConfigException(key, "has a port that is not a number from 1 to 65535; " + EXPECTED);
    return new HostPort(host, n);
  }

  private record Tls(SslMode mode, Optional<Path> rootCert) {}

  private static Tls queryParameters(String key, String query) {
    SslMode mode = null;
    String rootCert = null;
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = decode(key, "query", eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(key, "query", pair.substring(eq + 1));
      if (name.equals("sslmode")) {
        if (mode != null) throw new ConfigException(key, "gives sslmode twice");
        mode = SslMode.parse(key, value);
      } else if (name.equals("sslrootcert")) {
        if (rootCert != null) throw new ConfigException(key, "gives sslrootcert twice");
        if (value.isEmpty()) throw new ConfigException(key, "has an empty sslrootcert; give the path of a PEM file, e.g. sslrootcert=/etc/ssl/certs/db-ca.pem");
        rootCert = value;
      } else {
        // The name only: a value could be a password (libpq takes ?password=…).
        throw new ConfigException(key, "unknown parameter '" + name + "'; the only ones understood are sslmode ("
            + SslMode.names() + ") and sslrootcert");
      }
    }
    mode = mode == null ? SslMode.PREFER : mode;
    if (rootCert == null || rootCert.equals("system")) return new Tls(mode, Optional.empty());
    // libpq would read the file under require too, and then check the certificate; here only the
    // verify modes check one, so a root certificate with another mode would be ignored without a word.
    if (!mode.verifiesCertificate()) {
      throw new ConfigException(key, "gives sslrootcert with sslmode=" + mode.libpqName()
          + ", which does not check the certificate; use sslmode=verify-full (or verify-ca)");
    }
    Path file = Path.of(rootCert).toAbsolutePath();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigException(key, "sslrootcert: no readable file at " + file);
    }
    return new Tls(mode, Optional.of(file));
  }

  /** A user or password: only what RFC 3986 lets stand in user information, percent-decoded. */
  private static String component(String key, String part, String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      // Control characters, space, and " < > [ \ ] ^ ` { | } must be encoded (as must / ? # @,
      // which cannot reach here unencoded in the user: the last @ ended it).
      if (c <= ' ' || c == 0x7f || "\"<>[\\]^`{|}/?#@".indexOf(c) >= 0) {
        throw new ConfigException(key, "the " + part + " has a character that must be percent-encoded; " + ENCODE);
      }
    }
    return decode(key, part, raw);
  }

  /**
   * Percent-decoding as libpq does it: {@code %XX} is a byte, everything else (a {@code +} too)
   * stands for itself. Not {@link java.net.URLDecoder}, which decodes forms and turns + into a space.
   */
  private static String decode(String key, String part, String raw) {
    if (raw.indexOf('%') < 0) return raw;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new ConfigException(key, "the " + part + " has a % that is not followed by two hex digits; " + ENCODE);
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        int end = raw.indexOf('%', i);
        end = end < 0 ? raw.length() : end;
        bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(key, "the " + part + " is not UTF-8 once its %XX escapes are decoded; " + ENCODE);
    }
  }
}
