package io.mockroom.testing;

import io.mockroom.MockroomServer;
import io.mockroom.config.Config;
import io.mockroom.config.DatabaseUrl;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Mockroom server on a free port of 127.0.0.1, on its own database of the shared embedded
 * Postgres (with the bundled bank already imported).
 *
 * <p>Two ways to use it. A class whose tests share one server registers it as an extension,
 * {@code @RegisterExtension static final TestServer server = TestServer.perClass();}: JUnit starts
 * it before the class's {@code @BeforeAll} methods and closes it after its {@code @AfterAll}
 * methods (a {@code @Nested} class shares it), and calling it outside that span fails with a
 * message that says so. A test that manages servers itself (several at once, a restart, one inside
 * a test) calls {@code start(...)}, gets a running server, and closes it itself; such a server is
 * never registered as an extension.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  /** One running server: the Vert.x it runs on, the server, and its database. */
  private record Running(Vertx vertx, MockroomServer server, DatabaseUrl database, Path dataDir) {}

  /** How a perClass server starts; null for a server that {@code start(...)} returned running. */
  private final Supplier<Running> starter;
  /** Null while a perClass server is not started (before beforeAll, after afterAll). */
  private volatile Running running;
  private Interviewer reader;
  /** The unique id of the class whose beforeAll started this server: only its afterAll closes it. */
  private String startedFor;

  private TestServer(Supplier<Running> starter, Running running) {
    this.starter = starter;
    this.running = running;
  }

  /** A server for the tests of one class; register it with {@code @RegisterExtension} on a static field. */
  public static TestServer perClass() {
    return perClass(UnaryOperator.identity());
  }

  /** As {@link #perClass()}, with a configuration of its own, as {@link #start(UnaryOperator)}. */
  public static TestServer perClass(UnaryOperator<Config> tweak) {
    return new TestServer(() -> run(SharedPostgres.databaseWithBank(), c -> tweak.apply(c.withImportBank(false))), null);
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
    return new TestServer(null, run(database, c -> c.withImportBank(importBank)));
  }

  /** With a configuration of its own, e.g. shorter limits for the test of a limit. */
  public static TestServer start(UnaryOperator<Config> tweak) {
    return new TestServer(null, run(SharedPostgres.databaseWithBank(), c -> tweak.apply(c.withImportBank(false))));
  }

  private static Running run(DatabaseUrl database, UnaryOperator<Config> tweak) {
    Vertx vertx = Vertx.vertx();
    try {
      Path dataDir = Files.createTempDirectory("mockroom-test-data");
      Config config = tweak.apply(Config.forTests(dataDir).withDatabaseUrl(database));
      MockroomServer server = MockroomServer.start(vertx, config).await(2, TimeUnit.MINUTES);
      return new Running(vertx, server, database, dataDir);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("Test server did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (starter == null) {
      throw new IllegalStateException("A server from TestServer.start(...) is closed by its test, not by JUnit: "
          + "register TestServer.perClass() instead");
    }
    if (running != null) return; // a @Nested class: its enclosing class's server is already running
    running = starter.get();
    startedFor = context.getUniqueId();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (running == null || !context.getUniqueId().equals(startedFor)) return;
    try {
      close();
    } finally {
      running = null;
      startedFor = null;
      synchronized (this) {
        reader = null;
      }
    }
  }

  private Running running() {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException("This TestServer.perClass() is not running: JUnit starts it in beforeAll and closes it "
          + "in afterAll, so register it with @RegisterExtension on a static field and use it from @BeforeAll methods "
          + "and tests, not from field initializers or after @AfterAll");
    }
    return r;
  }

  public int port() {
    return running().server().port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public DatabaseUrl database() {
    return running().database();
  }

  public Vertx vertx() {
    return running().vertx();
  }

  /** The server itself, for a test that drives one of its parts (a retention sweep) instead of waiting for its timer. */
  public MockroomServer mockroom() {
    return running().server();
  }

  /** An account of an organisation of its own, for tests that only read what needs one (the bank); signed up on first use. */
  public synchronized Interviewer reader() {
    if (reader == null) reader = Interviewer.signUp(this, "Bank Readers");
    return reader;
  }

  /**
   * A pool of {@code size} connections to the server's database on its Vert.x, for tests that
   * drive a store class (an event log, a snapshot writer) themselves; the test closes it.
   */
  public io.vertx.sqlclient.Pool pool(int size) {
    DatabaseUrl url = database();
    return io.vertx.pgclient.PgBuilder.pool().with(new io.vertx.sqlclient.PoolOptions().setMaxSize(size))
        .connectingTo(new io.vertx.pgclient.PgConnectOptions().setHost(url.host()).setPort(url.port())
            .setDatabase(url.database()).setUser(url.user()).setPassword(url.password()))
        .using(vertx()).build();
  }

  @Override
  public void close() {
    close(MockroomServer.DRAIN_LIMIT);
  }

  /** Closes it waiting at most {@code drainLimit} for the event log (see {@link MockroomServer#close(Duration)}). */
  public void close(Duration drainLimit) {
    Running r = running();
    try {
      r.server().close(drainLimit).await(60, TimeUnit.SECONDS);
      r.vertx().close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      Folders.delete(r.dataDir());
    }
  }
}
