package dev.docket.app;

import dev.docket.app.output.CliJson;
import dev.docket.app.output.Progress;
import dev.docket.app.output.Sizes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code docket db backup FILE}: a consistent copy of a SQLite database taken while it is in use,
 * with {@code VACUUM INTO}: it reads one snapshot (a WAL read transaction, so writers carry on) and
 * writes a compact, self-contained file. The copy is written under a temporary name, checked with
 * {@code PRAGMA integrity_check}, synced, and only then given the name asked for. PostgreSQL is
 * refused: {@code pg_dump} is the tool for that.
 */
@Command(
    name = "backup",
    description =
        "SQLite: write a consistent copy of the database to FILE while it is in use (VACUUM INTO)."
            + " PostgreSQL: use pg_dump.")
final class DbBackupCommand implements Callable<Integer> {
  private static final int BUSY_TIMEOUT_MS = 30_000;

  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The backup to write (must not exist).")
  Path target;

  DbBackupCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Database db = context.database();
    if (!(db instanceof SqliteDatabase sqlite)) {
      throw new CommandFailedException(
          "db backup copies SQLite databases only; back up PostgreSQL with pg_dump"
              + " (e.g. pg_dump --schema=SCHEMA DBNAME > docket.sql)");
    }
    db.preflight();
    Path source = sqlite.file();
    if (!Files.exists(source)) {
      throw new CommandFailedException("no database at " + db.location() + "; nothing to back up");
    }
    if (Files.exists(target)) {
      throw new CommandFailedException(target + " exists; name a new file for the backup");
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = SqliteFiles.sibling(target, "backup");
    try {
      copy(source, partial);
      DbCheck check = new SqliteDatabase(partial.toString()).check();
      if (!check.ok()) {
        throw new CommandFailedException(
            "the copy failed its integrity check (" + check.problems().get(0) + "); nothing kept");
      }
      sync(partial);
      move(partial, target);
      print(db, check);
    } finally {
      Files.deleteIfExists(partial);
    }
    return ExitCode.OK;
  }

  private void copy(Path source, Path partial) {
    long total = SqliteFiles.sizeWithWal(source);
    Progress.Mode mode = Progress.mode(context.env(Progress.ENV));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("docket-backup-progress").daemon(true).factory());
    try (Progress progress = new Progress(context.err(), mode, "backing up", total)) {
      ticker.scheduleAtFixedRate(
          () -> progress.update(size(partial), "bytes"), 0, 200, TimeUnit.MILLISECONDS);
      vacuumInto(source, partial);
      ticker.shutdown();
      awaitTicker(ticker);
      progress.update(size(partial), "bytes");
    } finally {
      ticker.shutdownNow();
    }
  }

  private static void vacuumInto(Path source, Path partial) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    try (Connection c = config.createConnection("jdbc:sqlite:" + source);
        PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
      s.setString(1, partial.toString());
      s.execute();
    } catch (SQLException e) {
      throw new CommandFailedException(
          "backup failed: " + ErrorReporter.oneLine(e.getMessage()) + "; nothing kept", e);
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

  private void print(Database db, DbCheck check) throws IOException {
    long bytes = Files.size(target);
    if (context.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("database", db.location());
      m.put("backup", target.toString());
      m.put("size_bytes", bytes);
      m.put("schema_version", check.schema().applied());
      m.put("integrity_check", "ok");
      context.out().println(CliJson.write(m));
    } else {
      context
          .out()
          .println(
              "backed up "
                  + db.location()
                  + " to "
                  + target
                  + " ("
                  + Sizes.human(bytes)
                  + ", schema version "
                  + check.schema().applied()
                  + ", integrity_check ok)");
    }
  }
}
