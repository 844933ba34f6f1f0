package dev.docket.app;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads Flyway's history table: the newest successful versioned migration. */
final class SchemaHistory {
  private SchemaHistory() {}

  /**
   * @param schema the schema that holds it, or null where there are none (SQLite)
   * @param table the history table
   * @return the highest applied version, 0 when the table is missing or empty
   */
  static int applied(Connection c, String schema, String table) throws SQLException {
    if (!exists(c, schema, table)) {
      return 0;
    }
    String qualified = schema == null ? table : "\"" + schema + "\"." + table;
    int max = 0;
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT version FROM " + qualified + " WHERE success = ? AND version IS NOT NULL");
        ResultSet rs = bind(s).executeQuery()) {
      while (rs.next()) {
        max = Math.max(max, major(rs.getString(1)));
      }
    }
    return max;
  }

  private static PreparedStatement bind(PreparedStatement s) throws SQLException {
    s.setBoolean(1, true);
    return s;
  }

  private static boolean exists(Connection c, String schema, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(null, schema, table, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** {@code 3} of {@code 3} or {@code 3.1}; Docket numbers its migrations with integers. */
  private static int major(String version) {
    String head = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    try {
      return Integer.parseInt(head.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
