package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A database whose schema a newer Mockroom migrated (a downgrade): Flyway only warns, and an
 * operator found the older build serving without the newer rules. The start stops instead, saying
 * what to do.
 */
class ADatabaseANewerMockroomMadeIsNotStartedOnTest {

  @Test
  void theStartStopsNamingBothVersions() throws Exception {
    DatabaseUrl db = SharedPostgres.emptyDatabase();
    Vertx vertx = Vertx.vertx();
    try {
      Migrations.apply(vertx, db, Duration.ofSeconds(5)).await(60, TimeUnit.SECONDS);
      Sql.execute(db, """
          insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
          values (999, '999', 'from a newer Mockroom', 'SQL', 'V999__from_a_newer_mockroom.sql', 0, 'test', 1, true)""");
      assertThatThrownBy(() -> Migrations.apply(vertx, db, Duration.ofSeconds(5)).await(60, TimeUnit.SECONDS))
          .hasMessageContaining("has schema version 999, made by a newer Mockroom than this one (which knows up to version ")
          .hasMessageContaining("downgrading is not supported")
          .hasMessageNotContaining(db.password().isEmpty() ? "\u0000" : db.password());
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
