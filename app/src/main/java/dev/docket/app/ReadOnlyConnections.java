package dev.docket.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Connections on which the database itself refuses every write, for {@code db query} and {@code db
 * dump}. The guarantee must not depend on what the SQL text looks like:
 *
 * <ul>
 *   <li>SQLite: the file is opened read-only ({@code SQLITE_OPEN_READONLY}, {@code mode=ro}), so no
 *       statement can change it, {@code PRAGMA writable_schema} included; {@code PRAGMA query_only}
 *       is set as well, which also stops {@code VACUUM INTO} from writing a copy elsewhere. A fresh
 *       connection per command, so a {@code PRAGMA query_only=OFF} cannot outlive its own statement
 *       (the driver runs only the first statement of a text).
 *   <li>PostgreSQL: the session's transactions are read only ({@code SET SESSION CHARACTERISTICS}
 *       and the driver's read-only mode, which begins each one with {@code BEGIN READ ONLY}), and
 *       the query is handed to the server as a bound parameter of a temporary function that runs it
 *       inside that transaction, so no {@code COMMIT; …} in the text can end the read-only
 *       transaction and start a writable one.
 * </ul>
 */
final class ReadOnlyConnections {
  private static final int BUSY_TIMEOUT_MS = 5_000;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  /**
   * Runs a query's text inside the caller's (read-only) transaction and returns each row as JSON.
   * Row-returning statements are read through a cursor; anything else (which Postgres cannot open
   * as a cursor) is executed as it is, where the read-only transaction refuses writes.
   */
  static final String PG_QUERY_FUNCTION =
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

  private ReadOnlyConnections() {}

  /** A read-only connection to an existing SQLite file. */
  static Connection sqlite(Path file) throws SQLException {
    if (!Files.exists(file)) {
      throw new CommandFailedException(
          "no database at " + file + " (docket db migrate or docket serve creates it)");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection c = config.createConnection("jdbc:sqlite:file:" + uriPath(file) + "?mode=ro");
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA query_only = ON");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * A PostgreSQL connection whose every transaction is read only, with {@link #PG_QUERY_FUNCTION}
   * created first (a temporary function cannot be created once the session is read only).
   */
  static Connection postgres(String url, boolean withQueryFunction) throws SQLException {
    DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    Connection c = DriverManager.getConnection(url);
    try {
      try (Statement s = c.createStatement()) {
        if (withQueryFunction) {
          s.execute(PG_QUERY_FUNCTION);
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

  /** The path as a URI filename: {@code ?} and {@code #} would otherwise end it. */
  private static String uriPath(Path file) {
    return file.toAbsolutePath()
        .toString()
        .replace("%", "%25")
        .replace("?", "%3f")
        .replace("#", "%23");
  }
}
