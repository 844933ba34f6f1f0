package dev.docket.adapter.sqlite;

import dev.docket.ports.admin.StoreAdminException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.sqlite.SQLiteConfig;

/**
 * File-level work on a SQLite database: copies, whether another process has it open, side files.
 */
final class SqliteFiles {
  /** What SQLite keeps next to the database: the WAL, its index, a rollback journal. */
  static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

  private static final int BACKUP_BUSY_TIMEOUT_MS = 30_000;

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
        throw new StoreAdminException(
            given + " is in use by another process; stop docket serve (and other users) first");
      }
      throw new StoreAdminException(
          "cannot open " + given + " (" + SqlValues.firstLine(m) + ")", e);
    }
  }

  /**
   * {@code VACUUM INTO partial} on a read-only connection, telling {@code copiedBytes} how far the
   * copy has got every 200 ms.
   */
  static void vacuumInto(Path source, Path partial, LongConsumer copiedBytes) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("docket-backup-progress").daemon(true).factory());
    try {
      ticker.scheduleAtFixedRate(
          () -> copiedBytes.accept(size(partial)), 0, 200, TimeUnit.MILLISECONDS);
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(BACKUP_BUSY_TIMEOUT_MS);
      try (Connection c = config.createConnection("jdbc:sqlite:" + source);
          PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
        s.setString(1, partial.toString());
        s.execute();
      } catch (SQLException e) {
        throw new StoreAdminException(
            "backup failed: " + SqlValues.firstLine(e.getMessage()) + "; nothing kept", e);
      }
      ticker.shutdown();
      awaitTicker(ticker);
      copiedBytes.accept(size(partial));
    } finally {
      ticker.shutdownNow();
    }
  }

  private static void awaitTicker(ScheduledExecutorService ticker) {
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
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

  static void sync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
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
