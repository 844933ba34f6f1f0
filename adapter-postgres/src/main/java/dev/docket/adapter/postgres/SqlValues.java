package dev.docket.adapter.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows of a JDBC result as ordered maps of plain values, for dumps and ad-hoc queries. */
final class SqlValues {
  private SqlValues() {}

  /** Column labels, a repeated label numbered ({@code id}, {@code id_2}) so none is lost. */
  static List<String> labels(ResultSetMetaData meta) throws SQLException {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String label = meta.getColumnLabel(i);
      String unique = label;
      for (int n = 2; !seen.add(unique); n++) {
        unique = label + "_" + n;
      }
      out.add(unique);
    }
    return out;
  }

  static Map<String, Object> row(ResultSet rs, List<String> labels) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      m.put(labels.get(i), value(rs.getObject(i + 1)));
    }
    return m;
  }

  /** Numbers, strings, booleans and bytes as they are; times as instants; the rest as text. */
  static Object value(Object v) {
    return switch (v) {
      case null -> null;
      case Number n -> n;
      case String s -> s;
      case Boolean b -> b;
      case byte[] bytes -> bytes;
      case Timestamp t -> t.toInstant();
      case OffsetDateTime t -> t.toInstant();
      default -> v.toString();
    };
  }

  /** Lists the first column of {@code sql}'s rows as text. */
  static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static String single(Connection c, String sql) throws SQLException {
    List<String> rows = column(c, sql);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The first line of a driver's message, for one-line errors. */
  static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "failed";
    }
    String s = text.strip();
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
