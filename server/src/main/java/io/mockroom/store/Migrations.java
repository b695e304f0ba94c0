package io.mockroom.store;

import io.mockroom.config.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL of the {@code schema} module ({@code classpath:db/migration}), once the
 * database answers.
 *
 * <p>Only a database that is not up yet is waited for — a refused connection, or "the database
 * system is starting up" — for at most {@link #WAIT_FOR_DATABASE}, each attempt on a worker thread
 * and the pauses between them on a timer, so no thread is held for the whole wait. A wrong
 * password, a missing role or database, an SSL refusal or an unknown host will not mend by
 * waiting: they fail the start at once with the server's own words.
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** How long a start waits for a Postgres that refuses connections or is starting up (README, Operations). */
  public static final Duration WAIT_FOR_DATABASE = Duration.ofSeconds(60);

  /** The longest pause between two attempts, and so between two log lines about them. */
  private static final long MAX_PAUSE_MS = 5_000;

  private Migrations() {}

  /** Migrates, waiting up to {@code waitFor} for the database to accept connections. */
  public static Future<Void> apply(Vertx vertx, DatabaseUrl url, Duration waitFor) {
    return attempt(vertx, url, System.nanoTime() + waitFor.toNanos(), waitFor, 1);
  }

  private static Future<Void> attempt(Vertx vertx, DatabaseUrl url, long deadline, Duration waitFor, int n) {
    return vertx.<Void>executeBlocking(() -> {
      migrate(url);
      return null;
    }, false).recover(e -> {
      Optional<String> notUpYet = notUpYet(e);
      if (notUpYet.isEmpty()) return Future.failedFuture(new IllegalStateException(explain(e), e));
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        return Future.failedFuture(new IllegalStateException(notUpYet.get() + " for " + waitFor.toSeconds()
            + " s; check that Postgres runs at " + url.host() + ":" + url.port() + " and accepts connections there", e));
      }
      long pause = Math.min(Math.min(1000L << Math.min(n - 1, 10), MAX_PAUSE_MS), leftMs);
      log.warn("The database at {} is not up yet ({}); trying again in {} s, for up to {} s more",
          url, notUpYet.get(), (pause + 999) / 1000, (leftMs + 999) / 1000);
      Promise<Void> next = Promise.promise();
      vertx.setTimer(pause, id -> attempt(vertx, url, deadline, waitFor, n + 1).onComplete(next));
      return next.future();
    });
  }

  /** Blocking. */
  static void migrate(DatabaseUrl url) throws SQLException {
    // A connection of our own first: its failure carries the server's message and SQL state,
    // which Flyway would wrap in a page of text (and, with connectRetries, retry for minutes).
    Properties props = new Properties();
    props.setProperty("user", url.user());
    props.setProperty("password", url.password());
    props.setProperty("ApplicationName", "mockroom");
    try (Connection probe = DriverManager.getConnection(url.jdbcUrl(), props)) {
      probe.isValid(5);
    }
    Flyway flyway = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .connectRetries(0)
        .load();
    // A schema a newer Mockroom made: Flyway would only warn, and this build would run without
    // the newer rules (who may see what, what is kept). Downgrading is not supported.
    Arrays.stream(flyway.info().applied())
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .reduce((a, b) -> b)
        .ifPresent(newest -> {
          throw new IllegalStateException("The database at " + url + " has schema version " + newest.getVersion()
              + ", made by a newer Mockroom than this one (which knows up to version " + latestKnown(flyway) + "). "
              + "Run that newer version, or restore the backup taken before the upgrade: downgrading is not supported.");
        });
    // What an upgrade does, said before it starts (a migration of a big event log can take a while)
    // and when it is done, so that an operator sees from which version to which it went.
    MigrationInfo before = flyway.info().current();
    List<String> pending = Arrays.stream(flyway.info().pending()).map(Migrations::describe).toList();
    if (before != null && !pending.isEmpty()) {
      log.info("Upgrading the schema from version {}: {}", before.getVersion(), String.join(", ", pending));
    }
    long started = System.nanoTime();
    MigrateResult result = flyway.migrate();
    String now = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
    if (result.migrationsExecuted == 0) {
      log.info("Schema at version {}, up to date", now);
    } else if (before == null) {
      log.info("Schema created at version {} ({} migrations)", now, result.migrationsExecuted);
    } else {
      log.info("Schema upgraded from version {} to {} in {} ms", before.getVersion(), now, (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** {@code V10 (scores open once submitted or ended)}. */
  private static String describe(MigrationInfo m) {
    return "V" + m.getVersion() + " (" + m.getDescription() + ")";
  }

  private static String latestKnown(Flyway flyway) {
    return Arrays.stream(flyway.info().all())
        .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
        .map(m -> m.getVersion() == null ? "?" : m.getVersion().toString())
        .reduce((a, b) -> b).orElse("none");
  }

  /** Why the database is not up yet, when that is all that is wrong: only then is waiting worth it. */
  private static Optional<String> notUpYet(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && "57P03".equals(s.getSQLState())) return Optional.of("it is starting up");
      if (t instanceof ConnectException) return Optional.of("connection refused");
    }
    return Optional.empty();
  }

  /** The driver's message, and what to do about it when its SQL state says. */
  private static String explain(Throwable e) {
    SQLException sql = null;
    for (Throwable t = e; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s) sql = s;
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage() + "; check the host in MOCKROOM_DATABASE_URL";
      }
    }
    if (sql == null) return String.valueOf(e.getMessage());
    String message = String.valueOf(sql.getMessage());
    String state = String.valueOf(sql.getSQLState());
    String next = switch (state) {
      case "28P01" -> "check the user and password in MOCKROOM_DATABASE_URL (percent-encode special characters in them)";
      case "28000" -> "check the user, and that the server's pg_hba.conf lets it in from this host with this sslmode";
      case "3D000" -> "create the database, or correct its name in MOCKROOM_DATABASE_URL";
      case "08004" -> message.contains("SSL")
          ? "enable SSL on the server, or set sslmode=prefer or disable in MOCKROOM_DATABASE_URL" : "";
      default -> message.contains("hostname") && message.contains("could not be verified")
          ? "with sslmode=verify-full the server's certificate must name the host of MOCKROOM_DATABASE_URL; connect by a"
              + " name the certificate lists, or use sslmode=verify-ca, which checks the authority only"
          : message.contains("SSL") || message.contains("certificate") || message.contains("PKIX")
          ? "with sslmode=verify-ca or verify-full the server's certificate must chain up to an authority in the file of"
              + " sslrootcert=… or, without it, in the JVM's trust store (-Djavax.net.ssl.trustStore=…) and, for verify-full,"
              + " name the host" : "";
    };
    return next.isEmpty() ? message : message + " (" + next + ")";
  }
}
