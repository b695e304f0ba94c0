package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An operator upgrading from the release before (schema version 9) read only "Schema at version
 * 11 (2 migration(s) applied now)": not from which version, nor what was applied. The log now says
 * what an upgrade is about to apply, then from which version to which it went; a new database and
 * one already up to date say so.
 */
class AnUpgradeSaysFromWhichSchemaVersionToWhichAndWhatItAppliesTest {
  private final Logger migrationsLog = (Logger) LoggerFactory.getLogger(Migrations.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Vertx vertx;

  @BeforeEach
  void listen() {
    logged.start();
    migrationsLog.addAppender(logged);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    migrationsLog.detachAppender(logged);
    vertx.close().await();
  }

  @Test
  void aDatabaseOfTheReleaseBeforeIsUpgradedAndTheLogSaysFromWhichVersionToWhich() throws Exception {
    DatabaseUrl db = SharedPostgres.emptyDatabase();
    // What the release before this one left: the schema up to version 9.
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration")
        .target("9").load().migrate();

    Migrations.apply(vertx, db, Duration.ofSeconds(5)).await(60, TimeUnit.SECONDS);
    String latest = latest(db);

    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).startsWith("Upgrading the schema from version 9: V10 (scores open once submitted or ended), V11 (");
    assertThat(lines().get(1)).matches("Schema upgraded from version 9 to " + latest + " in \\d+ ms");

    logged.list.clear();
    Migrations.apply(vertx, db, Duration.ofSeconds(5)).await(60, TimeUnit.SECONDS);
    assertThat(lines()).containsExactly("Schema at version " + latest + ", up to date");
  }

  @Test
  void aNewDatabaseSaysItWasCreated() throws Exception {
    DatabaseUrl db = SharedPostgres.emptyDatabase();
    Migrations.apply(vertx, db, Duration.ofSeconds(5)).await(60, TimeUnit.SECONDS);
    assertThat(lines()).containsExactly("Schema created at version " + latest(db) + " (" + latest(db) + " migrations)");
  }

  private java.util.List<String> lines() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** The newest migration this build holds, now applied. */
  private static String latest(DatabaseUrl db) {
    return String.valueOf(Sql.one(db, "select max(version::int) from flyway_schema_history"));
  }
}
