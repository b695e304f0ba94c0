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
 */
public final class Database {
  private final Pool pool;
  private final DatabaseUrl url;
  private final Optional<EmbeddedDatabase> embedded;

  private Database(Pool pool, DatabaseUrl url, Optional<EmbeddedDatabase> embedded) {
    this.pool = pool;
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
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(config.dbPoolSize()))
          .connectingTo(new PgConnectOptions()
              .setHost(url.host())
              .setPort(url.port())
              .setDatabase(url.database())
              .setUser(url.user())
              .setPassword(url.password())
              .setCachePreparedStatements(true))
          .using(vertx)
          .build();
      return new Database(pool, url, embedded);
    }, false);
  }

  public Pool pool() {
    return pool;
  }

  public DatabaseUrl url() {
    return url;
  }

  /** Closes the pool, then stops the embedded server if this process started one. */
  public Future<Void> close(Vertx vertx) {
    return pool.close().eventually(() -> vertx.executeBlocking(() -> {
      embedded.ifPresent(EmbeddedDatabase::close);
      return null;
    }, false)).mapEmpty();
  }
}
