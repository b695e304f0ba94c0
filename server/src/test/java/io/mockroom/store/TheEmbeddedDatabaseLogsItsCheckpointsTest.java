package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * The embedded Postgres keeps its own log in its data folder, and a checkpoint — whose writes and
 * fsyncs share the disk with the event log's commits, so a stall of every room can be one ending
 * — is in it with its write and sync times, as PostgreSQL 15 does by default (this is 14;
 * docs/performance.md, "A longer run").
 */
class TheEmbeddedDatabaseLogsItsCheckpointsTest {
  @Test
  void aCheckpointIsInTheLogFileOfTheDataFolder() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    String file = (String) Sql.one(db, "select pg_current_logfile()");
    assertThat(file).matches("log/postgresql-(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\.log");

    Sql.execute(db, "checkpoint");
    // The logger process writes what it is sent a moment after the checkpoint returns.
    String log = "";
    for (long until = System.nanoTime() + 10_000_000_000L; System.nanoTime() < until; Thread.sleep(50)) {
      log = (String) Sql.one(db, "select pg_read_file(pg_current_logfile())");
      if (log.contains("checkpoint complete")) break;
    }
    assertThat(log).contains("checkpoint starting: immediate force wait");
    assertThat(log).containsPattern("checkpoint complete: wrote \\d+ buffers .* sync=\\d+\\.\\d+ s");
  }
}
