package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * A busy server adds dozens of snapshots a second, and autovacuum re-analyzes the table each time
 * it grows by a tenth, on the core that commits every keystroke (docs/performance.md, "A longer
 * run"). The migrated schema samples 3,000 rows, not 30,000, and computes nothing on the answers'
 * text, which no query compares.
 */
class AnalyzeOfSnapshotsSamplesAFewThousandRowsAndSkipsTheirTextTest {
  @Test
  void analyzeReadsThreeThousandSnapshotsAndLeavesTheTextOut() throws Exception {
    DatabaseUrl db = SharedPostgres.databaseWithBank();
    Sql.execute(db, "insert into organisations (id, name) values ('00000000-0000-0000-0000-000000000001', 'Analyze')");
    Sql.execute(db, """
        insert into accounts (id, organisation_id, email, display_name, password_hash)
        values ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'a@example.com', 'A', 'x')""");
    Sql.execute(db, """
        insert into sessions (id, organisation_id, created_by, title, candidate_name, candidate_token)
        values ('00000000-0000-0000-0000-000000000007', '00000000-0000-0000-0000-000000000001',
                '00000000-0000-0000-0000-000000000002', 'Analyze', 'Grace', 'token-of-analyze')""");
    Sql.execute(db, """
        insert into document_snapshots (session_id, document_id, doc_version, log_version, text)
        select '00000000-0000-0000-0000-000000000007', 'q' || (i % 100), i, i, repeat(md5(i::text), 10)
          from generate_series(1, 40000) as i""");

    AnalyzeReport report = AnalyzeReport.of(db, "document_snapshots");
    assertThat(report.text()).contains("containing 40000 live rows");
    assertThat(report.sampledRows()).as(report.text()).isEqualTo(3000);
    Object analyzed = Sql.one(db, """
        select string_agg(attname, ',' order by attname) from pg_stats where tablename = 'document_snapshots'""");
    assertThat((String) analyzed).isEqualTo("created_at,doc_version,document_id,log_version,session_id");
  }
}
