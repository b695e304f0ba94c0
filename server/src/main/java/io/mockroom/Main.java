package io.mockroom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.ConsoleAppender;
import io.mockroom.bank.BankReport;
import io.mockroom.cluster.ClusterNode;
import io.mockroom.config.Config;
import io.mockroom.config.ConfigException;
import io.mockroom.store.EmbeddedDatabase;
import io.mockroom.store.FileCacheFolder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code serve} (the default) and {@code bank report}. Configuration comes from
 * {@code MOCKROOM_*} environment variables and {@code --flags}; see the README's table.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] argv) {
    List<String> args = Arrays.asList(argv);
    // `./mockroom --help` (a flag, so it would be read as serve's) and `java -jar … serve --help`.
    if (args.contains("--help") || args.contains("-h")) {
      usage(System.out);
      return;
    }
    String command = args.isEmpty() || args.get(0).startsWith("--") ? "serve" : args.get(0);
    List<String> rest = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
    try {
      switch (command) {
        case "serve" -> serve(rest);
        case "bank" -> System.exit(BankReport.run(rest, System.out));
        case "help", "-h", "--help" -> usage(System.out);
        default -> {
          System.err.println("Unknown command '" + command + "'.");
          usage(System.err);
          System.exit(2);
        }
      }
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** The data folder is made if missing; one that cannot be is a configuration error naming its key (Vert.x's own message did not). */
  private static void writableDataDir(java.nio.file.Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException | SecurityException e) {
      String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
      throw new ConfigException("MOCKROOM_DATA_DIR", "'" + dir + "' cannot be created (" + why + "); choose a folder this user may write");
    }
    if (!java.nio.file.Files.isWritable(dir)) {
      throw new ConfigException("MOCKROOM_DATA_DIR", "'" + dir + "' is not writable by this user; choose a folder it may write");
    }
  }

  private static void serve(List<String> args) {
    // The first line of every start names the build, so the log of a start that fails (a
    // configuration error too: it is logged before the configuration is read, hence at any
    // MOCKROOM_LOG_LEVEL) says which build failed. "is up" then only says where.
    log.info("Starting Mockroom {}", Version.describe());
    Config config = Config.load(System.getenv(), args);
    setLogLevel(config.logLevel());
    for (String unknown : Config.unknownVariables(System.getenv())) {
      log.warn("{} is not a setting of Mockroom and is ignored (the settings are in the README's configuration table)", unknown);
    }
    writableDataDir(config.dataDir());
    // One event loop per core the process may use (Vert.x's default is two): everything here is
    // non-blocking, and each extra loop only adds hand-offs (a wake-up syscall per task) between a
    // socket's loop, its room's loop and the database client's.
    VertxOptions options = new VertxOptions()
        .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
        // epoll on Linux when its library loads, NIO otherwise (-Dmockroom.nativeTransport=false
        // forces NIO, to compare the two in the benchmark).
        .setPreferNativeTransport(Boolean.parseBoolean(System.getProperty("mockroom.nativeTransport", "true")))
        .setFileSystemOptions(new FileSystemOptions().setFileCacheDir(FileCacheFolder.prepare(config.dataDir()).toString()));
    // Registered before anything starts: a SIGTERM during a long first start (the bank import)
    // must still stop the embedded Postgres, which has no hook of its own.
    AtomicReference<Vertx> vertx = new AtomicReference<>();
    AtomicReference<MockroomServer> server = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx.get(), server.get()), "mockroom-shutdown"));
    try {
      Optional<ClusterNode> cluster = config.cluster().enabled()
          ? Optional.of(ClusterNode.start(config.cluster(), options).await(5, TimeUnit.MINUTES))
          : Optional.empty();
      vertx.set(cluster.map(ClusterNode::vertx).orElseGet(() -> Vertx.vertx(options)));
      server.set(MockroomServer.start(vertx.get(), config, cluster).await(10, TimeUnit.MINUTES));
    } catch (Exception e) {
      log.error("Mockroom could not start: {}", rootMessage(e), log.isDebugEnabled() ? e : null);
      if (!stderrShowsTheLog()) System.err.println("Mockroom could not start: " + rootMessage(e));
      System.exit(1); // the hook closes Vert.x and whatever Postgres had started
      return;
    }
    log.info("Network transport: {}", vertx.get().isNativeTransportEnabled() ? "native (epoll)" : "Java NIO");
    // Only -X/-XX options: -D properties can carry secrets (a key store's password, say).
    log.info("JVM: {} {}, options {}", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-X")).toList());
  }

  /**
   * The shutdown hook: the server stops in its own order (sockets, rooms, event log, pools, its
   * Postgres), then Vert.x (leaving the cluster). Either may be null when the JVM exits while
   * starting; an embedded Postgres that is still running then is stopped last.
   */
  private static void stop(Vertx vertx, MockroomServer server) {
    log.info("Shutting down");
    try {
      if (server != null) server.close().await(30, TimeUnit.SECONDS);
      if (vertx != null) vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("Shutdown did not finish cleanly: {}", e.getMessage());
    } finally {
      EmbeddedDatabase.stopAll();
    }
  }

  /**
   * Whether whoever reads standard error reads the log too, so that the failure said there again
   * would only repeat the log's line (a terminal showed it twice). The log is standard output
   * (logback.xml's one appender):
   * <ul>
   *   <li>both streams on one terminal ({@code ./mockroom}), or in one file or pipe ({@code > log 2>&1},
   *       systemd's journal): yes;</li>
   *   <li>standard error on a terminal and the log elsewhere ({@code ./mockroom > mockroom.log}): no,
   *       the person at the terminal would see nothing;</li>
   *   <li>standard error into a pipe or file of its own (Docker and Kubernetes keep the streams apart
   *       and show them in one log): yes, it is read with the log.</li>
   * </ul>
   * A logback configuration of one's own ({@code -Dlogback.configurationFile}) that logs to the
   * console's standard error: yes; to no console at all (a file): no. Where the system does not
   * say (no {@code /proc}): yes when standard output is a terminal, as standard error then nearly
   * always is the same one.
   */
  private static boolean stderrShowsTheLog() {
    List<String> consoles = new ArrayList<>();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).iteratorForAppenders()
        .forEachRemaining(a -> {
          if (a instanceof ConsoleAppender<?> console) consoles.add(console.getTarget());
        });
    if (consoles.contains("System.err")) return true;
    if (!consoles.contains("System.out")) return false;
    Path out = Path.of("/proc/self/fd/1");
    Path err = Path.of("/proc/self/fd/2");
    try {
      return Files.isSameFile(out, err) || !Files.readSymbolicLink(err).toString().matches("/dev/(pts/\\d+|tty\\w*|console)");
    } catch (IOException | RuntimeException e) {
      return System.console() != null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder msg = new StringBuilder(String.valueOf(t.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && !msg.toString().contains(t.getMessage())) msg.append(" — ").append(t.getMessage());
    }
    return msg.toString();
  }

  private static void setLogLevel(String level) {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
  }

  private static void usage(PrintStream out) {
    out.println("""
        Mockroom — live mock interviews.

        Usage:
          java -jar mockroom.jar [serve] [--port=8080] [--data-dir=DIR] [--database-url=postgresql://…] …
          java -jar mockroom.jar bank report [FILE…]   audit the question bank import (bundled seeds by default)
          java -jar mockroom.jar help

        Every flag has a MOCKROOM_* environment variable; see the README's configuration table.""");
  }
}
