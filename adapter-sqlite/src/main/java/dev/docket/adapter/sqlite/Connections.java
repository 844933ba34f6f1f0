package dev.docket.adapter.sqlite;

import dev.docket.ports.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens connections to one database file, every one with the same PRAGMAs. */
final class Connections {
  private final Path file;
  private final SqliteOptions options;

  Connections(Path file, SqliteOptions options) {
    this.file = file;
    this.options = options;
  }

  String url() {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  Path file() {
    return file;
  }

  /** The connection every write goes through. */
  Connection openWriter() {
    return open(false);
  }

  /** A WAL reader; {@code query_only} makes an accidental write fail loudly. */
  Connection openReader() {
    return open(true);
  }

  private Connection open(boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout((int) options.busyTimeout().toMillis());
    config.enforceForeignKeys(true);
    config.setSynchronous(
        options.synchronous() == SqliteOptions.Synchronous.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    BusyBackoff backoff = new BusyBackoff(options.busyBudget());
    while (true) {
      try {
        Connection c = config.createConnection(url());
        if (readOnly) {
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = ON");
          }
        }
        return c;
      } catch (SQLException e) {
        // switching to WAL needs a moment of exclusive access; another opener may hold it
        if (!SqlErrors.isBusy(e) || !backoff.pause()) {
          throw new StoreUnavailableException("cannot open SQLite database " + file, e);
        }
      }
    }
  }
}
