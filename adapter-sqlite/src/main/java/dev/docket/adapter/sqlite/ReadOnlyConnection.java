package dev.docket.adapter.sqlite;

import dev.docket.ports.admin.StoreAdminException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * A connection on which the database itself refuses every write, for ad-hoc queries and dumps. The
 * guarantee must not depend on what the SQL text looks like: the file is opened read-only ({@code
 * SQLITE_OPEN_READONLY}, {@code mode=ro}), so no statement can change it, {@code PRAGMA
 * writable_schema} included; {@code PRAGMA query_only} is set as well, which also stops {@code
 * VACUUM INTO} from writing a copy elsewhere. A fresh connection per command, so a {@code PRAGMA
 * query_only=OFF} cannot outlive its own statement (the driver runs only the first statement of a
 * text).
 */
final class ReadOnlyConnection {
  private static final int BUSY_TIMEOUT_MS = 5_000;

  private ReadOnlyConnection() {}

  /** A read-only connection to an existing SQLite file. */
  static Connection open(Path file) throws SQLException {
    if (!Files.exists(file)) {
      throw new StoreAdminException(
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

  /** The path as a URI filename: {@code ?} and {@code #} would otherwise end it. */
  private static String uriPath(Path file) {
    return file.toAbsolutePath()
        .toString()
        .replace("%", "%25")
        .replace("?", "%3f")
        .replace("#", "%23");
  }
}
