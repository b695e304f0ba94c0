package io.mockroom.testing;

import io.mockroom.bank.BankSeeder;
import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.store.Database;
import io.mockroom.store.EmbeddedDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded Postgres per test JVM; every test class gets a database of its own, cloned
 * from a template that already holds the schema and the imported bank (so each clone costs a
 * file copy, not an import).
 */
public final class SharedPostgres {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedDatabase server;
  private static boolean templateReady;

  private SharedPostgres() {}

  /** A new, empty database (no schema). */
  public static synchronized DatabaseUrl emptyDatabase() {
    return create("create database %s");
  }

  /** A new database with the schema applied and the bundled bank imported. */
  public static synchronized DatabaseUrl databaseWithBank() {
    ensureTemplate();
    return create("create database %s template bank_template");
  }

  /** The server itself, for tests that need to reach it as an administrator. */
  public static synchronized DatabaseUrl admin() {
    return server().url();
  }

  private static DatabaseUrl create(String sqlFormat) {
    DatabaseUrl admin = server().url();
    String name = "t_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    execute(admin, String.format(sqlFormat, name));
    return new DatabaseUrl(admin.host(), admin.port(), name, admin.user(), admin.password());
  }

  private static void ensureTemplate() {
    if (templateReady) return;
    DatabaseUrl admin = server().url();
    execute(admin, "drop database if exists bank_template");
    execute(admin, "create database bank_template");
    DatabaseUrl url = new DatabaseUrl(admin.host(), admin.port(), "bank_template", admin.user(), admin.password());
    Vertx vertx = Vertx.vertx();
    try {
      Config config = Config.forTests(Path.of("unused")).withDatabaseUrl(url);
      Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
      BankSeeder.importBundled(vertx, db.pool()).await(2, TimeUnit.MINUTES);
      db.close(vertx).await(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("Could not prepare the bank template database", e);
    } finally {
      vertx.close();
    }
    templateReady = true;
  }

  private static EmbeddedDatabase server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("mockroom-test-pg");
        server = EmbeddedDatabase.start(dir, 0, false); // throwaway: no fsync, for speed
        EmbeddedDatabase started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          started.close();
          Folders.delete(dir);
        }));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  public static void execute(DatabaseUrl url, String sql) {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
    }
  }
}
