package dev.docket.app.multi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The test PostgreSQL server ({@code DOCKET_TEST_POSTGRES_URL}, else the local one as {@code
 * postgres}) and one schema of it for one test class, shared by the server instances under test.
 * Every session of those instances carries an application name of the class's own, so a test can
 * kill exactly them and never another test's connections.
 */
final class PgServer {
  static final String SERVER =
      System.getenv()
          .getOrDefault(
              "DOCKET_TEST_POSTGRES_URL",
              "jdbc:postgresql://localhost:5432/postgres?user=postgres");

  private final String server;
  private final String schema;
  private final String applicationName;

  private PgServer(String server, String schema, String applicationName) {
    this.server = server;
    this.schema = schema;
    this.applicationName = applicationName;
  }

  /** A fresh schema name (created by the first instance that opens it). */
  static PgServer freshSchema(String prefix) {
    return freshSchema(SERVER, prefix);
  }

  /** As above, on the server of {@code serverUrl} (a JDBC URL with credentials). */
  static PgServer freshSchema(String serverUrl, String prefix) {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    return new PgServer(serverUrl, prefix + "_" + id, "docket-" + prefix + "-" + id);
  }

  String schema() {
    return schema;
  }

  String applicationName() {
    return applicationName;
  }

  /** {@code DOCKET_DB} for an instance on this schema; {@code extra} is appended as is. */
  String docketDb(String extra) {
    return server
        + (server.contains("?") ? "&" : "?")
        + "currentSchema="
        + schema
        + "&ApplicationName="
        + applicationName
        + extra;
  }

  String docketDb() {
    return docketDb("");
  }

  /** A plain connection whose search path is this schema; the caller closes it. */
  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(server);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
    }
    return c;
  }

  /** The first column of the first row, as a long. */
  long count(String sql, Object... args) throws SQLException {
    List<String> rows = column(sql, args);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0));
  }

  /** The first column of every row, as text. */
  List<String> column(String sql, Object... args) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** Terminates every backend of the instances under test; how many there were. */
  int terminateBackends() throws SQLException {
    try (Connection c = DriverManager.getConnection(server);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      ps.setString(1, applicationName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
