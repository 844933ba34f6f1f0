package dev.docket.adapter.sqlite;

import dev.docket.domain.DomainException;
import dev.docket.ports.Store;
import dev.docket.ports.admin.AppliedMigration;
import dev.docket.ports.admin.DatabaseInfo;
import dev.docket.ports.admin.IntegrityReport;
import dev.docket.ports.admin.ResetOutcome;
import dev.docket.ports.admin.SchemaVersion;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.admin.StoreAdminException;
import dev.docket.ports.admin.TableRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.sqlite.SQLiteConfig;

/**
 * Administering one SQLite file, open or not. Inspection uses its own read-only connection, so it
 * works next to a running server and never creates or migrates anything; backup, restore and reset
 * work on the file itself ({@link SqliteFiles}).
 */
public final class SqliteStoreAdmin implements StoreAdmin {
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BUSY_TIMEOUT_MS = 5_000;
  private static final int FETCH = 500;
  private static final String TABLES =
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

  private final String given;
  private final Path file;

  /**
   * @param given the file as the user named it; messages use it as it is
   */
  public SqliteStoreAdmin(String given) {
    this.given = given;
    this.file = Path.of(given);
  }

  /** The newest migration this build carries: the schema version opening a store brings. */
  public static int bundledSchemaVersion() {
    return SchemaHistory.bundled();
  }

  @Override
  public String backend() {
    return "sqlite";
  }

  @Override
  public String location() {
    return given;
  }

  @Override
  public void preflight() {
    ensureFolder();
    if (Files.isDirectory(file)) {
      throw new StoreAdminException(given + " is a folder, not a database file");
    }
    if (!Files.exists(file)) {
      return;
    }
    if (!hasSqliteHeader()) {
      throw notDocket("file is not a database");
    }
    SchemaVersion schema = schemaVersion();
    if (schema.applied() == 0 && !read(c -> SqlValues.column(c, TABLES)).isEmpty()) {
      throw notDocket("it holds tables but no Docket schema history");
    }
    if (schema.isNewerThanBuild()) {
      throw schema.newerError();
    }
  }

  @Override
  public Store open() {
    return SqliteStore.open(file);
  }

  @Override
  public SchemaVersion schemaVersion() {
    int supported = SchemaHistory.bundled();
    if (!Files.exists(file)) {
      return new SchemaVersion(0, supported);
    }
    return read(c -> new SchemaVersion(SchemaHistory.applied(c, null), supported));
  }

  @Override
  public List<AppliedMigration> history() {
    if (!Files.exists(file)) {
      return List.of();
    }
    return read(c -> SchemaHistory.history(c, null));
  }

  @Override
  public DatabaseInfo info() {
    requireExists();
    SchemaVersion schema = schemaVersion();
    return read(
        c ->
            new DatabaseInfo(
                backend(),
                given,
                schema,
                SqliteFiles.sizeWithWal(file),
                "SQLite " + SqlValues.single(c, "SELECT sqlite_version()"),
                SqlValues.single(c, "PRAGMA journal_mode"),
                rowCounts(c)));
  }

  @Override
  public IntegrityReport check() {
    requireExists();
    SchemaVersion schema = schemaVersion();
    return read(
        c -> {
          List<String> problems = new ArrayList<>();
          for (String row : SqlValues.column(c, "PRAGMA integrity_check")) {
            if (!row.equals("ok")) {
              problems.add(row);
            }
          }
          int integrityProblems = problems.size();
          for (String row : SqlValues.column(c, "PRAGMA foreign_key_check")) {
            problems.add("foreign key violation in table " + row);
          }
          String detail =
              (integrityProblems == 0 ? "integrity_check ok" : "integrity_check failed")
                  + (problems.size() > integrityProblems ? ", foreign_key_check failed" : "");
          return new IntegrityReport(backend(), given, schema, detail, problems);
        });
  }

  @Override
  public void dump(TableRows out) {
    try (Connection c = ReadOnlyConnection.open(file)) {
      // one transaction for every table: a snapshot, so rows agree across tables
      c.setAutoCommit(false);
      for (String table : SqlValues.column(c, TABLES + " ORDER BY name")) {
        out.table(table);
        try (Statement s = c.createStatement()) {
          s.setFetchSize(FETCH);
          try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
            List<String> labels = SqlValues.labels(rs.getMetaData());
            while (rs.next()) {
              out.row(SqlValues.row(rs, labels));
            }
          }
        }
      }
      c.rollback();
    } catch (SQLException e) {
      throw new StoreAdminException("dump failed: " + SqlValues.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Runs the first statement of the text (the driver prepares one) on a connection the database
   * keeps read-only: see {@link ReadOnlyConnection}.
   */
  @Override
  public void query(String sql, TableRows out) {
    // a prepared statement, never Statement.execute: the driver reads texts such as "backup to
    // FILE" or "restore from FILE" passed to Statement.execute as commands of its own
    try (Connection c = ReadOnlyConnection.open(file);
        PreparedStatement s = c.prepareStatement(sql)) {
      if (s.execute()) {
        try (ResultSet rs = s.getResultSet()) {
          List<String> labels = SqlValues.labels(rs.getMetaData());
          while (rs.next()) {
            out.row(SqlValues.row(rs, labels));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreAdminException("query failed: " + SqlValues.firstLine(e.getMessage()), e);
    }
  }

  @Override
  public long backupSourceBytes() {
    return SqliteFiles.sizeWithWal(file);
  }

  /**
   * {@code VACUUM INTO}: reads one snapshot (a WAL read transaction, so writers carry on) and
   * writes a compact, self-contained file under a temporary name, which is checked, synced and only
   * then given the name asked for.
   */
  @Override
  public IntegrityReport backup(Path target, LongConsumer copiedBytes) {
    preflight();
    if (!Files.exists(file)) {
      throw new StoreAdminException("no database at " + given + "; nothing to back up");
    }
    if (Files.exists(target)) {
      throw new StoreAdminException(target + " exists; name a new file for the backup");
    }
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path partial = SqliteFiles.sibling(target, "backup");
      try {
        SqliteFiles.vacuumInto(file, partial, copiedBytes);
        IntegrityReport check = new SqliteStoreAdmin(partial.toString()).check();
        if (!check.ok()) {
          throw new StoreAdminException(
              "the copy failed its integrity check ("
                  + check.problems().get(0)
                  + "); nothing kept");
        }
        SqliteFiles.sync(partial);
        SqliteFiles.move(partial, target);
        return check;
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new StoreAdminException("backup failed: " + e.getMessage() + "; nothing kept", e);
    }
  }

  /**
   * The backup is copied next to the database, the old WAL and shared-memory files are removed (a
   * stale WAL would be replayed onto the restored file) and the copy is moved over the database in
   * one rename.
   */
  @Override
  public IntegrityReport restore(Path backup) {
    try {
      IntegrityReport check = checkBackup(backup);
      SqliteFiles.requireNotInUse(file, given);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = SqliteFiles.sibling(file, "restore");
      try {
        Files.copy(backup, partial, StandardCopyOption.COPY_ATTRIBUTES);
        SqliteFiles.sync(partial);
        SqliteFiles.deleteSideFiles(file);
        SqliteFiles.move(partial, file);
      } finally {
        Files.deleteIfExists(partial);
      }
      return check;
    } catch (IOException e) {
      throw new StoreAdminException("restore failed: " + e.getMessage(), e);
    }
  }

  /** Every reason to refuse, before anything is touched. */
  private IntegrityReport checkBackup(Path backup) throws IOException {
    if (!Files.isRegularFile(backup)) {
      throw refuse("there is no file " + backup);
    }
    if (Files.exists(file) && Files.isSameFile(backup, file)) {
      throw refuse(backup + " is the database itself");
    }
    SqliteStoreAdmin candidate = new SqliteStoreAdmin(backup.toString());
    IntegrityReport check;
    try {
      candidate.preflight();
      check = candidate.check();
    } catch (DomainException e) {
      throw refuse(e.getMessage());
    }
    if (check.schema().applied() == 0) {
      throw refuse(backup + " is not a Docket database (it has no Docket schema)");
    }
    if (!check.ok()) {
      throw refuse(backup + " failed its integrity check: " + check.problems().get(0));
    }
    return check;
  }

  private StoreAdminException refuse(String why) {
    return new StoreAdminException("not restoring: " + why + "; " + given + " is untouched");
  }

  @Override
  public ResetOutcome reset() {
    if (!Files.exists(file)) {
      return new ResetOutcome("there was no database file; nothing to delete", 0);
    }
    SqliteFiles.requireNotInUse(file, given);
    try {
      SqliteFiles.deleteSideFiles(file);
      Files.delete(file);
      SqliteFiles.deleteSideFiles(file); // the in-use check may have left a fresh WAL behind
    } catch (IOException e) {
      throw new StoreAdminException("reset failed: " + e.getMessage(), e);
    }
    return new ResetOutcome("deleted the database file and its -wal/-shm files", 0);
  }

  private void ensureFolder() {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException | SecurityException e) {
      throw new StoreAdminException(
          "cannot create the folder "
              + parent
              + " for the database "
              + given
              + " ("
              + reason(e)
              + ")");
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " is a file";
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied on " + a.getFile();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private void requireExists() {
    if (!Files.exists(file)) {
      throw new StoreAdminException(
          "no database at " + given + " (docket db migrate or docket serve creates it)");
    }
  }

  private boolean hasSqliteHeader() {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEADER.length);
      // an empty file is an empty database to SQLite
      return head.length == 0 || Arrays.equals(head, HEADER);
    } catch (IOException e) {
      throw new StoreAdminException("cannot read " + given + " (" + e.getMessage() + ")", e);
    }
  }

  private StoreAdminException notDocket(String why) {
    return new StoreAdminException(given + " is not a Docket database (" + why + ")");
  }

  private Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    String sql = TABLES + " AND name <> '" + SchemaHistory.TABLE + "' ORDER BY name";
    for (String table : SqlValues.column(c, sql)) {
      counts.put(
          table, Long.parseLong(SqlValues.single(c, "SELECT count(*) FROM \"" + table + "\"")));
    }
    return counts;
  }

  /** Work on a JDBC connection that the caller opened and will close. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private <T> T read(SqlWork<T> work) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
      return work.apply(c);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")) {
        throw notDocket("file is not a database");
      }
      throw new StoreAdminException("cannot read " + given + " (" + e.getMessage() + ")", e);
    }
  }
}
