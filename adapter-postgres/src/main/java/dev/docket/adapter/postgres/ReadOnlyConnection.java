package dev.docket.adapter.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection on which the database itself refuses every write, for ad-hoc queries and dumps. The
 * guarantee must not depend on what the SQL text looks like: the session's transactions are read
 * only ({@code SET SESSION CHARACTERISTICS} and the driver's read-only mode, which begins each one
 * with {@code BEGIN READ ONLY}), and a query is handed to the server as a bound parameter of a
 * temporary function that runs it inside that transaction, so no {@code COMMIT; …} in the text can
 * end the read-only transaction and start a writable one.
 */
final class ReadOnlyConnection {
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  /**
   * Runs a query's text inside the caller's (read-only) transaction and returns each row as JSON.
   * Row-returning statements are read through a cursor; anything else (which Postgres cannot open
   * as a cursor) is executed as it is, where the read-only transaction refuses writes.
   */
  static final String QUERY_FUNCTION =
      "CREATE OR REPLACE FUNCTION pg_temp.docket_query(q text) RETURNS SETOF json"
          + " LANGUAGE plpgsql AS $docket$\n"
          + "DECLARE r record;\n"
          + "BEGIN\n"
          + "  BEGIN\n"
          + "    FOR r IN EXECUTE q LOOP RETURN NEXT to_json(r); END LOOP;\n"
          + "  EXCEPTION WHEN invalid_cursor_definition THEN\n"
          + "    EXECUTE q;\n"
          + "  END;\n"
          + "END\n"
          + "$docket$";

  private ReadOnlyConnection() {}

  /**
   * A connection whose every transaction is read only, not auto-committing, with {@link
   * #QUERY_FUNCTION} created first when asked (a temporary function cannot be created once the
   * session is read only).
   */
  static Connection open(String url, boolean withQueryFunction) throws SQLException {
    DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    Connection c = DriverManager.getConnection(url);
    try {
      try (Statement s = c.createStatement()) {
        if (withQueryFunction) {
          s.execute(QUERY_FUNCTION);
        }
        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      }
      c.setReadOnly(true);
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }
}
