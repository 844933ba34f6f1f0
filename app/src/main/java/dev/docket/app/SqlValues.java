package dev.docket.app;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows of a JDBC result as ordered maps for {@link CliJson}. */
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

  /** Numbers, strings, booleans and bytes as they are; times as RFC 3339; the rest as text. */
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
}
