package io.mockroom.testing;

import io.mockroom.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a test database directly (JDBC), to check what the server stored. */
public final class Sql {
  private Sql() {}

  public static List<Map<String, Object>> rows(DatabaseUrl url, String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
          out.add(row);
        }
      }
      return out;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  public static Object one(DatabaseUrl url, String sql, Object... args) {
    List<Map<String, Object>> rows = rows(url, sql, args);
    if (rows.size() != 1) throw new AssertionError("expected one row from " + sql + ", got " + rows.size());
    return rows.get(0).values().iterator().next();
  }

  public static void execute(DatabaseUrl url, String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
      st.execute();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
    }
  }
}
