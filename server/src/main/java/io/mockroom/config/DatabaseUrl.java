package io.mockroom.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A Postgres address given as {@code postgresql://user:pass@host:port/db}. The password is kept
 * out of {@link #toString()} so it never reaches a log line.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

  public static DatabaseUrl parse(String key, String raw) {
    URI uri;
    try {
      uri = URI.create(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "not a URL (" + e.getMessage() + "); expected postgresql://user:pass@host:5432/db");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new ConfigException(key, "scheme must be postgresql://, got '" + uri.getScheme() + "'");
    }
    if (uri.getHost() == null) throw new ConfigException(key, "has no host; expected postgresql://user:pass@host:5432/db");
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty()) throw new ConfigException(key, "has no database name after the host, e.g. …:5432/mockroom");
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) throw new ConfigException(key, "has no user, e.g. postgresql://mockroom:secret@…");
    String[] parts = userInfo.split(":", 2);
    String user = decode(parts[0]);
    String password = parts.length > 1 ? decode(parts[1]) : "";
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new DatabaseUrl(uri.getHost(), port, path, user, password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "postgresql://" + user + ":***@" + host + ":" + port + "/" + database;
  }
}
