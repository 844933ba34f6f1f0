package dev.docket.app;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * A SQLite file. Inspection uses its own read-only JDBC connection, so it works next to a running
 * server and never creates or migrates anything.
 */
public final class SqliteDatabase implements Database {
  static final String MIGRATIONS = "db/migration/sqlite";
  static final String HISTORY = "flyway_schema_history";
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BUSY_TIMEOUT_MS = 5_000;

  private final String given;
  private final Path file;

  public SqliteDatabase(String given) {
    this.given = given;
    this.file = Path.of(given);
  }

  Path file() {
    return file;
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
      throw new CommandFailedException(given + " is a folder, not a database file");
    }
    if (!Files.exists(file)) {
      return;
    }
    if (!hasSqliteHeader()) {
      throw notDocket("file is not a database");
    }
    SchemaVersion schema = schemaVersion();
    if (schema.applied() == 0 && !tables().isEmpty()) {
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
    int supported = BundledMigrations.latest(MIGRATIONS);
    if (!Files.exists(file)) {
      return new SchemaVersion(0, supported);
    }
    return read(c -> new SchemaVersion(SchemaHistory.applied(c, null, HISTORY), supported));
  }

  @Override
  public DbInfo info() {
    requireExists();
    SchemaVersion schema = schemaVersion();
    return read(
        c ->
            new DbInfo(
                backend(),
                given,
                schema,
                size(),
                "SQLite " + single(c, "SELECT sqlite_version()"),
                single(c, "PRAGMA journal_mode"),
                rowCounts(c)));
  }

  @Override
  public DbCheck check() {
    requireExists();
    SchemaVersion schema = schemaVersion();
    return read(
        c -> {
          List<String> problems = new ArrayList<>();
          for (String row : column(c, "PRAGMA integrity_check")) {
            if (!row.equals("ok")) {
              problems.add(row);
            }
          }
          int integrityProblems = problems.size();
          for (String row : column(c, "PRAGMA foreign_key_check")) {
            problems.add("foreign key violation in table " + row);
          }
          String detail =
              (integrityProblems == 0 ? "integrity_check ok" : "integrity_check failed")
                  + (problems.size() > integrityProblems ? ", foreign_key_check failed" : "");
          return new DbCheck(backend(), given, schema, detail, problems);
        });
  }

  private void ensureFolder() {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException | SecurityException e) {
      throw new CommandFailedException(
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
      throw new CommandFailedException(
          "no database at " + given + " (docket db migrate or docket serve creates it)");
    }
  }

  private boolean hasSqliteHeader() {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEADER.length);
      // an empty file is an empty database to SQLite
      return head.length == 0 || Arrays.equals(head, HEADER);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + given + " (" + e.getMessage() + ")", e);
    }
  }

  private CommandFailedException notDocket(String why) {
    return new CommandFailedException(given + " is not a Docket database (" + why + ")");
  }

  private long size() {
    long total = 0;
    for (String suffix : List.of("", "-wal")) {
      Path p = Path.of(file + suffix);
      try {
        total += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        // the WAL may be checkpointed away between exists and size: count it as empty
      }
    }
    return total;
  }

  private List<String> tables() {
    return read(
        c ->
            column(
                c,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " ORDER BY name"));
  }

  private Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        column(
            c,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name <> '"
                + HISTORY
                + "' ORDER BY name")) {
      counts.put(table, Long.parseLong(single(c, "SELECT count(*) FROM \"" + table + "\"")));
    }
    return counts;
  }

  private <T> T read(SqlFunction<T> work) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
      return work.apply(c);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")) {
        throw notDocket("file is not a database");
      }
      throw new CommandFailedException("cannot read " + given + " (" + e.getMessage() + ")", e);
    }
  }

  static String single(Connection c, String sql) throws SQLException {
    List<String> rows = column(c, sql);
    return rows.isEmpty() ? null : rows.get(0);
  }

  static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
