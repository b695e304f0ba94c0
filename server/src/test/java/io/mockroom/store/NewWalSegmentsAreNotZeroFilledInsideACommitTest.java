package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * With Postgres's default, the backend that first writes into a new 16 MB WAL segment fills it
 * with zeros and fsyncs it inside the commit it is making. At 1,000 typing rooms that was every
 * ~9 s, and every keystroke waited 100-200 ms behind it (docs/performance.md, "WAL segments").
 * The embedded database creates segments without the zero fill.
 */
class NewWalSegmentsAreNotZeroFilledInsideACommitTest {
  @Test
  void theEmbeddedDatabaseRunsWithoutWalZeroFill() {
    Object setting = Sql.one(SharedPostgres.databaseWithBank(), "select current_setting('wal_init_zero')");
    assertThat(setting).isEqualTo("off");
  }
}
