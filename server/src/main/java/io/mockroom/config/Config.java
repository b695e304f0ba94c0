package io.mockroom.config;

import java.net.URI;
import io.mockroom.auth.PasswordHasher;
import io.mockroom.store.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole configuration of a Mockroom process, read once at start-up from environment variables
 * and command-line flags (a flag wins over the environment). Every key is listed in {@link #KEYS}
 * and in the README's configuration table; an unknown flag or a bad value fails fast with a
 * {@link ConfigException} that names the key.
 *
 * @param host interface the HTTP server binds to
 * @param port HTTP port; 0 picks a free one (tests)
 * @param dataDir folder for the embedded database and other state
 * @param databaseUrl external Postgres; when present the embedded database is not started
 * @param logLevel root log level
 * @param importBank whether the bundled seed documents are imported at start-up
 * @param dbPoolSize connections in the Postgres pool
 * @param publicUrl the address people use to reach this server, used in links (candidate links)
 * @param passwordIterations PBKDF2 iterations of new password hashes
 * @param socketSilenceSeconds a room socket that sends nothing (not even a ping) this long is closed
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} is believed for the client's
 *     address (login throttling); empty trusts nobody
 * @param cluster whether and how this node joins a cluster
 * @param metricsToken the bearer token a scrape of {@code /metrics} must send; without one only a
 *     scraper on this machine is answered ({@code http.MetricsAccess})
 * @param openSignup whether anyone who reaches the server may create an organisation; otherwise
 *     only the first one is created so, and every later account joins through an invitation
 * @param retentionDays sessions that ended more than this many days ago are deleted with
 *     everything about them ({@code room.SessionRetention}); 0 keeps them for ever
 */
public record Config(
    String host,
    int port,
    Path dataDir,
    Optional<DatabaseUrl> databaseUrl,
    String logLevel,
    boolean importBank,
    int dbPoolSize,
    Optional<URI> publicUrl,
    int passwordIterations,
    int socketSilenceSeconds,
    TrustedProxies trustedProxies,
    ClusterConfig cluster,
    Optional<Secret> metricsToken,
    boolean openSignup,
    int retentionDays) {

  /** Environment variable → flag, in README order. */
  public static final Map<String, String> KEYS = keys();

  private static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error");

  public static Config load(Map<String, String> env, List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    KEYS.keySet().forEach(k -> {
      String v = env.get(k);
      if (v != null && !v.isBlank()) values.put(k, v.trim());
    });
    values.putAll(flags(args));
    return from(values, env);
  }

  /** Defaults for tests: port 0, loopback, the given data folder, no bank import unless asked. */
  public static Config forTests(Path dataDir) {
    // Fewer hash iterations than production keep the suite fast; the hasher is the same code.
    // Open sign-up: tests sign up an organisation each (AUnopenedServerTakesItsFirstOrganisation…
    // tests the default).
    return new Config("127.0.0.1", 0, dataDir, Optional.empty(), "info", true, 4, Optional.empty(), 10_000, 60, TrustedProxies.none(), ClusterConfig.off(),
        Optional.empty(), true, 0);
  }

  public Config withDatabaseUrl(DatabaseUrl url) {
    return copy(c -> c.databaseUrl = Optional.of(url));
  }

  public Config withSocketSilenceSeconds(int seconds) {
    return copy(c -> c.socketSilenceSeconds = seconds);
  }

  public Config withTrustedProxies(TrustedProxies trustedProxies) {
    return copy(c -> c.trustedProxies = trustedProxies);
  }

  public Config withCluster(ClusterConfig cluster) {
    return copy(c -> c.cluster = cluster);
  }

  public Config withPort(int port) {
    return copy(c -> c.port = port);
  }

  public Config withPublicUrl(URI publicUrl) {
    return copy(c -> c.publicUrl = Optional.of(publicUrl));
  }

  public Config withMetricsToken(String token) {
    return copy(c -> c.metricsToken = Optional.of(new Secret(token)));
  }

  public Config withImportBank(boolean importBank) {
    return copy(c -> c.importBank = importBank);
  }

  public Config withOpenSignup(boolean openSignup) {
    return copy(c -> c.openSignup = openSignup);
  }

  public Config withRetentionDays(int days) {
    return copy(c -> c.retentionDays = days);
  }

  /** This config with the fields {@code change} sets; the others as they are. */
  private Config copy(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /**
   * A mutable copy of every field, for the {@code with…} methods: a new field is added here (and
   * to the record), not to each of them.
   */
  private static final class Copy {
    String host;
    int port;
    Path dataDir;
    Optional<DatabaseUrl> databaseUrl;
    String logLevel;
    boolean importBank;
    int dbPoolSize;
    Optional<URI> publicUrl;
    int passwordIterations;
    int socketSilenceSeconds;
    TrustedProxies trustedProxies;
    ClusterConfig cluster;
    Optional<Secret> metricsToken;
    boolean openSignup;
    int retentionDays;

    Copy(Config c) {
      host = c.host;
      port = c.port;
      dataDir = c.dataDir;
      databaseUrl = c.databaseUrl;
      logLevel = c.logLevel;
      importBank = c.importBank;
      dbPoolSize = c.dbPoolSize;
      publicUrl = c.publicUrl;
      passwordIterations = c.passwordIterations;
      socketSilenceSeconds = c.socketSilenceSeconds;
      trustedProxies = c.trustedProxies;
      cluster = c.cluster;
      metricsToken = c.metricsToken;
      openSignup = c.openSignup;
      retentionDays = c.retentionDays;
    }

    Config build() {
      return new Config(host, port, dataDir, databaseUrl, logLevel, importBank, dbPoolSize, publicUrl,
          passwordIterations, socketSilenceSeconds, trustedProxies, cluster, metricsToken, openSignup, retentionDays);
    }
  }

  private static Config from(Map<String, String> v, Map<String, String> env) {
    String host = v.getOrDefault("MOCKROOM_HOST", "0.0.0.0");
    int port = integer(v, "MOCKROOM_PORT", 8080, 0, 65535);
    Path dataDir = v.containsKey("MOCKROOM_DATA_DIR")
        ? Path.of(v.get("MOCKROOM_DATA_DIR")).toAbsolutePath()
        : defaultDataDir(env);
    Optional<DatabaseUrl> db = Optional.ofNullable(v.get("MOCKROOM_DATABASE_URL"))
        .map(u -> DatabaseUrl.parse("MOCKROOM_DATABASE_URL", u));
    String level = v.getOrDefault("MOCKROOM_LOG_LEVEL", "info").toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw new ConfigException("MOCKROOM_LOG_LEVEL", "'" + level + "' is not one of " + LOG_LEVELS);
    }
    boolean importBank = bool(v, "MOCKROOM_IMPORT_BANK", true);
    int pool = integer(v, "MOCKROOM_DB_POOL_SIZE", 8, 1, 200);
    if (db.isEmpty() && pool > EmbeddedDatabase.MAX_POOL_SIZE) {
      // Refused, not max_connections raised to fit: the embedded Postgres shares the machine with
      // the server and gains nothing from many more connections than it has cores (a bigger pool
      // only queues there), so a pool near 200 is for an external Postgres sized for it; and the
      // embedded one keeps one size, which the README can state.
      throw new ConfigException("MOCKROOM_DB_POOL_SIZE", pool + " is more than the embedded Postgres can serve: of its "
          + EmbeddedDatabase.MAX_CONNECTIONS + " connections the event log holds 1 and " + EmbeddedDatabase.KEPT_FOR_OTHERS
          + " are kept for psql and pg_dump, which leaves " + EmbeddedDatabase.MAX_POOL_SIZE + " for the pool; set "
          + EmbeddedDatabase.MAX_POOL_SIZE + " or less, or use an external Postgres (MOCKROOM_DATABASE_URL) sized for "
          + (pool + 1) + " connections");
    }
    Optional<URI> publicUrl = Optional.ofNullable(v.get("MOCKROOM_PUBLIC_URL")).map(Config::publicUrl);
    int iterations = integer(v, "MOCKROOM_PASSWORD_ITERATIONS", PasswordHasher.DEFAULT_ITERATIONS, 10_000, 10_000_000);
    int silence = integer(v, "MOCKROOM_SOCKET_SILENCE_SECONDS", 60, 5, 3600);
    TrustedProxies proxies = Optional.ofNullable(v.get("MOCKROOM_TRUSTED_PROXIES"))
        .map(p -> TrustedProxies.parse("MOCKROOM_TRUSTED_PROXIES", p)).orElse(TrustedProxies.none());
    ClusterConfig cluster = cluster(v);
    if (cluster.enabled() && db.isEmpty()) {
      // Each node's embedded database would be its own: accounts, sessions and rooms split between them.
      throw new ConfigException("MOCKROOM_CLUSTER", "needs MOCKROOM_DATABASE_URL: every node of a cluster must use the same Postgres");
    }
    Optional<Secret> metricsToken = Optional.ofNullable(v.get("MOCKROOM_METRICS_TOKEN")).map(Config::metricsToken);
    boolean openSignup = bool(v, "MOCKROOM_OPEN_SIGNUP", false);
    int retentionDays = integer(v, "MOCKROOM_RETENTION_DAYS", 0, 0, 36_500);
    return new Config(host, port, dataDir, db, level, importBank, pool, publicUrl, iterations, silence, proxies, cluster,
        metricsToken, openSignup, retentionDays);
  }

  /** A token long enough not to be guessed, and one a Prometheus credentials file can hold. */
  private static Secret metricsToken(String raw) {
    // The value is never quoted in the error: it is a secret.
    if (raw.length() < 16) {
      throw new ConfigException("MOCKROOM_METRICS_TOKEN", "is shorter than 16 characters; make one with: openssl rand -hex 32");
    }
    if (!raw.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw new ConfigException("MOCKROOM_METRICS_TOKEN", "may hold only printable ASCII without spaces; make one with: openssl rand -hex 32");
    }
    return new Secret(raw);
  }

  private static ClusterConfig cluster(Map<String, String> v) {
    boolean enabled = bool(v, "MOCKROOM_CLUSTER", false);
    String name = v.getOrDefault("MOCKROOM_CLUSTER_NAME", "mockroom");
    String host = v.getOrDefault("MOCKROOM_CLUSTER_HOST", "127.0.0.1");
    int port = integer(v, "MOCKROOM_CLUSTER_PORT", 5701, 1, 65535);
    int busPort = integer(v, "MOCKROOM_CLUSTER_BUS_PORT", 0, 0, 65535);
    List<String> members = java.util.Arrays.stream(v.getOrDefault("MOCKROOM_CLUSTER_MEMBERS", "127.0.0.1").split(","))
        .map(String::trim).filter(m -> !m.isEmpty()).toList();
    for (String m : members) {
      if (!m.matches("[A-Za-z0-9.\\-]+(:\\d{1,5}(-\\d{1,5})?)?")) {
        throw new ConfigException("MOCKROOM_CLUSTER_MEMBERS", "'" + m + "' is not host, host:port or host:port-port");
      }
    }
    if (members.isEmpty()) throw new ConfigException("MOCKROOM_CLUSTER_MEMBERS", "lists no member; e.g. 10.0.0.5:5701,10.0.0.6:5701");
    members = members.stream().flatMap(m -> portRange(m).stream()).toList();
    Optional<String> k8s = Optional.ofNullable(v.get("MOCKROOM_CLUSTER_KUBERNETES_SERVICE"));
    return new ClusterConfig(enabled, name, host, port, busPort, members, k8s);
  }

  /**
   * {@code host:5701-5703} as the members {@code host:5701}, {@code host:5702}, {@code host:5703}:
   * Hazelcast's member list takes no port range (it failed to start on one).
   */
  private static List<String> portRange(String member) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+):(\\d+)-(\\d+)").matcher(member);
    if (!m.matches()) return List.of(member);
    int from = Integer.parseInt(m.group(2));
    int to = Integer.parseInt(m.group(3));
    if (from < 1 || to > 65535 || from > to || to - from >= 100) {
      throw new ConfigException("MOCKROOM_CLUSTER_MEMBERS", "'" + member + "' is not a range of at most 100 ports from low to high");
    }
    List<String> out = new java.util.ArrayList<>();
    for (int p = from; p <= to; p++) out.add(m.group(1) + ":" + p);
    return out;
  }

  /** The user's home: one Mockroom per user keeps its bank wherever it is started from. */
  private static Path defaultDataDir(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".mockroom").toAbsolutePath();
  }

  private static Map<String, String> flags(List<String> args) {
    Map<String, String> byFlag = new LinkedHashMap<>();
    KEYS.forEach((key, flag) -> byFlag.put(flag, key));
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) throw new ConfigException(arg, "unexpected argument; flags look like --port=8080");
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String key = byFlag.get(name);
      if (key == null) throw new ConfigException(name, "unknown flag; known flags are " + byFlag.keySet());
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (name.equals("--cluster")) {
        value = "true"; // a switch: --cluster alone turns it on
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new ConfigException(name, "needs a value, e.g. " + name + "=…");
      }
      out.put(key, value.trim());
    }
    return out;
  }

  private static int integer(Map<String, String> v, String key, int dflt, int min, int max) {
    String raw = v.get(key);
    if (raw == null) return dflt;
    try {
      int n = Integer.parseInt(raw);
      if (n < min || n > max) throw new ConfigException(key, raw + " is outside " + min + ".." + max);
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "'" + raw + "' is not a whole number");
    }
  }

  private static boolean bool(Map<String, String> v, String key, boolean dflt) {
    String raw = v.get(key);
    if (raw == null) return dflt;
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(key, "'" + raw + "' is not true or false");
    };
  }

  private static URI publicUrl(String raw) {
    try {
      URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new ConfigException("MOCKROOM_PUBLIC_URL", "'" + raw + "' is not an http(s) URL like https://interviews.example.com");
      }
      // Links are this base plus /join/…, and the app and its API are served from the root of the
      // address: a path (a proxy's sub-folder), a query or a fragment would make links that open
      // nothing, found only when a candidate clicks one.
      if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
          || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new ConfigException("MOCKROOM_PUBLIC_URL", "'" + raw + "' has more than a scheme, host and port; Mockroom is"
            + " served at the root of its address (not under a path), so give only those, e.g. https://interviews.example.com");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MOCKROOM_PUBLIC_URL", "'" + raw + "' is not a URL: " + e.getMessage());
    }
  }

  /**
   * {@code MOCKROOM_…} variables in {@code env} that are no setting of the server (a typo such as
   * {@code MOCKROOM_PROT} would otherwise be ignored without a word); the benchmark's and the
   * build's own variables are not settings of the server either, and not reported.
   */
  public static List<String> unknownVariables(Map<String, String> env) {
    Map<String, String> known = keys();
    return env.keySet().stream()
        .filter(k -> k.startsWith("MOCKROOM_") && !known.containsKey(k) && !k.startsWith("MOCKROOM_BENCH_") && !k.equals("MOCKROOM_WEBROOT"))
        .sorted().toList();
  }

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("MOCKROOM_HOST", "--host");
    k.put("MOCKROOM_PORT", "--port");
    k.put("MOCKROOM_DATA_DIR", "--data-dir");
    k.put("MOCKROOM_DATABASE_URL", "--database-url");
    k.put("MOCKROOM_LOG_LEVEL", "--log-level");
    k.put("MOCKROOM_IMPORT_BANK", "--import-bank");
    k.put("MOCKROOM_DB_POOL_SIZE", "--db-pool-size");
    k.put("MOCKROOM_PUBLIC_URL", "--public-url");
    k.put("MOCKROOM_PASSWORD_ITERATIONS", "--password-iterations");
    k.put("MOCKROOM_SOCKET_SILENCE_SECONDS", "--socket-silence-seconds");
    k.put("MOCKROOM_TRUSTED_PROXIES", "--trusted-proxies");
    k.put("MOCKROOM_METRICS_TOKEN", "--metrics-token");
    k.put("MOCKROOM_OPEN_SIGNUP", "--open-signup");
    k.put("MOCKROOM_RETENTION_DAYS", "--retention-days");
    k.put("MOCKROOM_CLUSTER", "--cluster");
    k.put("MOCKROOM_CLUSTER_NAME", "--cluster-name");
    k.put("MOCKROOM_CLUSTER_HOST", "--cluster-host");
    k.put("MOCKROOM_CLUSTER_PORT", "--cluster-port");
    k.put("MOCKROOM_CLUSTER_BUS_PORT", "--cluster-bus-port");
    k.put("MOCKROOM_CLUSTER_MEMBERS", "--cluster-members");
    k.put("MOCKROOM_CLUSTER_KUBERNETES_SERVICE", "--cluster-kubernetes-service");
    return java.util.Collections.unmodifiableMap(k);
  }
}
