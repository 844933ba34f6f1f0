package dev.docket.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** File-level work on a SQLite database: whether another process has it open, its side files. */
final class SqliteFiles {
  /** What SQLite keeps next to the database: the WAL, its index, a rollback journal. */
  static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

  private SqliteFiles() {}

  /**
   * Fails when another connection (a running {@code docket serve}, say) has the database open.
   * Taking SQLite's exclusive lock without waiting fails while any other connection holds the file
   * open in WAL mode, in this process or another; the lock is given back at once.
   */
  static void requireNotInUse(Path file, String given) {
    if (!Files.exists(file)) {
      return;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 0");
      s.execute("PRAGMA locking_mode = EXCLUSIVE");
      s.execute("BEGIN EXCLUSIVE");
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
        throw new CommandFailedException(
            given + " is in use by another process; stop docket serve (and other users) first");
      }
      throw new CommandFailedException(
          "cannot open " + given + " (" + ErrorReporter.oneLine(m) + ")", e);
    }
  }

  /** Deletes the database file's WAL, shared-memory index and journal, if there are any. */
  static void deleteSideFiles(Path file) throws IOException {
    for (String suffix : SIDE_FILES) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }

  /** The database with its WAL: what a copy has to read. */
  static long sizeWithWal(Path file) {
    long total = 0;
    for (String suffix : List.of("", "-wal")) {
      try {
        Path p = Path.of(file + suffix);
        total += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        // checkpointed away between exists and size
      }
    }
    return total;
  }

  /**
   * A fresh name next to {@code target}, so a move onto {@code target} stays on one file system.
   */
  static Path sibling(Path target, String what) {
    Path abs = target.toAbsolutePath();
    return abs.resolveSibling(
        "."
            + abs.getFileName()
            + "."
            + what
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + System.nanoTime());
  }
}
