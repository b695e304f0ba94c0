package io.mockroom.store;

import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.config.SslMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;

/**
 * The process's Postgres: the one named by {@code MOCKROOM_DATABASE_URL}, or an embedded one
 * started here. Opening it applies the migrations (see {@link Migrations} for how long it waits
 * for a database that is not up yet); both run on worker threads.
 *
 * <p>Two pools: {@link #pool()} for everything else, and one connection of its own for the event
 * log, which writes one batch at a time. Every keystroke waits for that batch's commit, so it must
 * never wait for a connection behind the API's queries — a busy review page, a slow export, or
 * queries held up by a lock.
 */
public final class Database {
  private final Pool pool;
  private final Pool eventLogPool;
  private final DatabaseUrl url;
  private final Optional<EmbeddedDatabase> embedded;

  private Database(Pool pool, Pool eventLogPool, DatabaseUrl url, Optional<EmbeddedDatabase> embedded) {
    this.pool = pool;
    this.eventLogPool = eventLogPool;
    this.url = url;
    this.embedded = embedded;
  }

  public static Future<Database> open(Vertx vertx, Config config) {
    return open(vertx, config, Migrations.WAIT_FOR_DATABASE);
  }

  /** @param waitFor how long to wait for a database that refuses connections or is starting up */
  static Future<Database> open(Vertx vertx, Config config, Duration waitFor) {
    return vertx.executeBlocking(() -> config.databaseUrl().isPresent()
        ? Optional.<EmbeddedDatabase>empty()
        : Optional.of(EmbeddedDatabase.start(config.dataDir())), false).compose(embedded -> {
          DatabaseUrl url = config.databaseUrl().orElseGet(() -> embedded.get().url());
          return Migrations.apply(vertx, url, waitFor)
              // Off the event loop: the verify modes read the JVM's trust store.
              .compose(v -> vertx.executeBlocking(
                  () -> new Database(pool(vertx, url, config.dbPoolSize()), pool(vertx, url, 1), url, embedded), false))
              .recover(e -> vertx.executeBlocking(() -> {
                embedded.ifPresent(EmbeddedDatabase::close);
                return null;
              }, false).transform(closed -> Future.failedFuture(
                  new IllegalStateException("Could not prepare the database at " + url + ": " + e.getMessage(), e))));
        });
  }

  /** A pool whose connections use TLS as {@link DatabaseUrl#sslMode()} says, as libpq would. */
  static Pool pool(Vertx vertx, DatabaseUrl url, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user())
            .setPassword(url.password())
            .setCachePreparedStatements(true)
            .setSslMode(switch (url.sslMode()) {
              case DISABLE -> io.vertx.pgclient.SslMode.DISABLE;
              case PREFER -> io.vertx.pgclient.SslMode.PREFER;
              case REQUIRE -> io.vertx.pgclient.SslMode.REQUIRE;
              case VERIFY_CA -> io.vertx.pgclient.SslMode.VERIFY_CA;
              case VERIFY_FULL -> io.vertx.pgclient.SslMode.VERIFY_FULL;
            })
            .setSslOptions(sslOptions(url.sslMode(), url.sslRootCert())))
        .using(vertx)
        .build();
  }

  /**
   * prefer and require encrypt without checking the certificate (libpq's meaning); the verify
   * modes check it against the authorities of the URL's {@code sslrootcert}, or else the JVM's
   * default trust store, and verify-full the host name too.
   */
  private static ClientSSLOptions sslOptions(SslMode mode, Optional<Path> rootCert) {
    ClientSSLOptions ssl = new ClientSSLOptions().setHostnameVerificationAlgorithm("");
    if (!mode.verifiesCertificate()) return ssl.setTrustAll(true);
    ssl.setTrustOptions(rootCert.<TrustOptions>map(file -> new PemTrustOptions().addCertPath(file.toString()))
        .orElseGet(() -> jvmTrustStore(mode)));
    return mode == SslMode.VERIFY_FULL ? ssl.setHostnameVerificationAlgorithm("HTTPS") : ssl;
  }

  private static TrustOptions jvmTrustStore(SslMode mode) {
    try {
      TrustManagerFactory jvmDefault = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jvmDefault.init((KeyStore) null);
      return TrustOptions.wrap(jvmDefault);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not load the JVM's default trust store for sslmode=" + mode.libpqName(), e);
    }
  }

  public Pool pool() {
    return pool;
  }

  /** The event log's connection (a pool of one, which reconnects after an outage). */
  public Pool eventLogPool() {
    return eventLogPool;
  }

  public DatabaseUrl url() {
    return url;
  }

  /** Closes the pools, then stops the embedded server if this process started one. */
  public Future<Void> close(Vertx vertx) {
    return Future.join(pool.close(), eventLogPool.close()).eventually(() -> vertx.executeBlocking(() -> {
      embedded.ifPresent(EmbeddedDatabase::close);
      return null;
    }, false)).mapEmpty();
  }
}
