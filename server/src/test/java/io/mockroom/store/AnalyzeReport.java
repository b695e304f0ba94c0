package io.mockroom.store;

import io.mockroom.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code ANALYZE VERBOSE} of one table reports: its rows, and how many it sampled. */
record AnalyzeReport(String text) {
  static AnalyzeReport of(DatabaseUrl db, String table) throws Exception {
    List<String> notices = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement st = c.createStatement()) {
      st.execute("analyze verbose " + table);
      for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) notices.add(w.getMessage());
    }
    return new AnalyzeReport(notices.stream().filter(n -> n.contains("\"" + table + "\": scanned")).findFirst()
        .orElseThrow(() -> new AssertionError("no ANALYZE report for " + table + " in " + notices)));
  }

  /** The rows ANALYZE read and sorted: the sample. */
  int sampledRows() {
    Matcher sampled = Pattern.compile("(\\d+) rows in sample").matcher(text);
    if (!sampled.find()) throw new AssertionError("no sample size in " + text);
    return Integer.parseInt(sampled.group(1));
  }
}
