package io.mockroom.testing;

import io.mockroom.MockroomServer;
import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mockroom server on a free port of 127.0.0.1, on its own database of the shared embedded
 * Postgres (with the bundled bank already imported). Close it in {@code @AfterAll}.
 */
public final class TestServer implements AutoCloseable {
  private final Vertx vertx;
  private final MockroomServer server;
  private final DatabaseUrl database;

  private TestServer(Vertx vertx, MockroomServer server, DatabaseUrl database) {
    this.vertx = vertx;
    this.server = server;
    this.database = database;
  }

  public static TestServer start() {
    return start(SharedPostgres.databaseWithBank());
  }

  public static TestServer start(DatabaseUrl database) {
    return start(database, false);
  }

  /** On a database of its own that has no bank yet: the server imports it, as at a first start. */
  public static TestServer startImportingBank(DatabaseUrl database) {
    return start(database, true);
  }

  private static TestServer start(DatabaseUrl database, boolean importBank) {
    return start(database, c -> c.withImportBank(importBank));
  }

  /** With a configuration of its own, e.g. shorter limits for the test of a limit. */
  public static TestServer start(java.util.function.UnaryOperator<Config> tweak) {
    return start(SharedPostgres.databaseWithBank(), c -> tweak.apply(c.withImportBank(false)));
  }

  private static TestServer start(DatabaseUrl database, java.util.function.UnaryOperator<Config> tweak) {
    Vertx vertx = Vertx.vertx();
    try {
      Path dataDir = Files.createTempDirectory("mockroom-test-data");
      Config config = tweak.apply(Config.forTests(dataDir).withDatabaseUrl(database));
      MockroomServer server = MockroomServer.start(vertx, config).await(2, TimeUnit.MINUTES);
      return new TestServer(vertx, server, database);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("Test server did not start: " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public DatabaseUrl database() {
    return database;
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    try {
      server.close().await(30, TimeUnit.SECONDS);
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
