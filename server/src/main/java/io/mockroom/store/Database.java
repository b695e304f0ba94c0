package io.mockroom.store;

import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Optional;

/**
 * The process's Postgres: the one named by {@code MOCKROOM_DATABASE_URL}, or an embedded one
 * started here. Opening it applies the migrations; both run on a worker thread.
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
    return vertx.executeBlocking(() -> {
      Optional<EmbeddedDatabase> embedded = config.databaseUrl().isPresent()
          ? Optional.empty()
          : Optional.of(EmbeddedDatabase.start(config.dataDir()));
      DatabaseUrl url = config.databaseUrl().orElseGet(() -> embedded.get().url());
      try {
        Migrations.apply(url);
      } catch (RuntimeException e) {
        embedded.ifPresent(EmbeddedDatabase::close);
        throw new IllegalStateException("Could not prepare the database at " + url + ": " + e.getMessage(), e);
      }
      return new Database(pool(vertx, url, config.dbPoolSize()), pool(vertx, url, 1), url, embedded);
    }, false);
  }

  private static Pool pool(Vertx vertx, DatabaseUrl url, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user())
            .setPassword(url.password())
            .setCachePreparedStatements(true))
        .using(vertx)
        .build();
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
