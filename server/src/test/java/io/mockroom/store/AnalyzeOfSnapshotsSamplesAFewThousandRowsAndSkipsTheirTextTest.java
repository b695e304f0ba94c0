package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    List<String> notices = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement st = c.createStatement()) {
      st.execute("analyze verbose document_snapshots");
      for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) notices.add(w.getMessage());
    }

    String report = notices.stream().filter(n -> n.contains("\"document_snapshots\": scanned")).findFirst()
        .orElseThrow(() -> new AssertionError("no ANALYZE report for document_snapshots in " + notices));
    assertThat(report).contains("containing 40000 live rows");
    Matcher sampled = Pattern.compile("(\\d+) rows in sample").matcher(report);
    assertThat(sampled.find()).as(report).isTrue();
    assertThat(Integer.parseInt(sampled.group(1))).as(report).isEqualTo(3000);
    Object analyzed = Sql.one(db, """
        select string_agg(attname, ',' order by attname) from pg_stats where tablename = 'document_snapshots'""");
    assertThat((String) analyzed).isEqualTo("created_at,doc_version,document_id,log_version,session_id");
  }
}
