package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * Autovacuum's first pass over a busy event log made every room wait a few hundred milliseconds
 * (docs/performance.md, "Autovacuum"): the migrated schema spreads that work out and lets ANALYZE
 * skip the JSON payload.
 */
class TheEventLogIsVacuumedGentlyTest {
  @Test
  void theEventLogCarriesItsAutovacuumSettings() {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    Object options = Sql.one(db, "select array_to_string(reloptions, ',') from pg_class where relname = 'session_events'");
    assertThat((String) options).contains("autovacuum_vacuum_cost_delay=20");
    Object target = Sql.one(db, "select attstattarget from pg_attribute where attrelid = 'session_events'::regclass and attname = 'payload'");
    assertThat(((Number) target).intValue()).isZero();
  }
}
