package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * Autovacuum's ANALYZE of a busy event log sampled 30,000 rows and sorted them on the core that
 * commits every keystroke (docs/performance.md, "Autovacuum's ANALYZE"). The migrated schema keeps
 * the sample to 3,000 rows, index expressions included, and the planner still learns the table.
 */
class AnalyzeOfTheEventLogSamplesAFewThousandRowsTest {
  @Test
  void analyzeReadsThreeThousandRowsOfALargeLogAndStillCountsTheEventTypes() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    Sql.execute(db, """
        insert into session_events (session_id, version, type, participant_id, payload)
        select ('00000000-0000-0000-0000-' || lpad((i % 50)::text, 12, '0'))::uuid, i,
               case when i % 100 = 0 then 'chat' else 'doc_update' end, null,
               jsonb_build_object('changes', i)
          from generate_series(1, 40000) as i""");

    AnalyzeReport report = AnalyzeReport.of(db, "session_events");
    assertThat(report.text()).contains("containing 40000 live rows");
    assertThat(report.sampledRows()).as(report.text()).isEqualTo(3000);
    Object types = Sql.one(db, """
        select array_to_string(most_common_vals::text::text[], ',') from pg_stats
         where tablename = 'session_events' and attname = 'type'""");
    assertThat((String) types).contains("doc_update");
    Object rows = Sql.one(db, "select reltuples::bigint from pg_class where relname = 'session_events'");
    assertThat(((Number) rows).longValue()).isEqualTo(40000);
  }
}
