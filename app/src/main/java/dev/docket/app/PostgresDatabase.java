package dev.docket.app;

import dev.docket.adapter.postgres.PostgresOptions;
import dev.docket.adapter.postgres.PostgresStore;
import dev.docket.ports.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database. Docket's tables live in the schema the URL's {@code currentSchema}
 * parameter names, else {@code public}. Inspection uses its own short, read-only JDBC connection.
 */
final class PostgresDatabase implements Database {
  static final String MIGRATIONS = "db/migration/postgres";
  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&,]+)");
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final String url;
  private final String schema;

  PostgresDatabase(String url) {
    this.url = url;
    Matcher m = CURRENT_SCHEMA.matcher(url);
    this.schema = m.find() ? m.group(1) : "public";
  }

  @Override
  public String backend() {
    return "postgresql";
  }

  @Override
  public String location() {
    return redact(url);
  }

  /**
   * The pool size asked for by {@code DOCKET_DB_POOL_SIZE}, or null for the default (10).
   *
   * @throws UsageException when it is not a whole number from 1 to 500
   */
  static Integer poolSize(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= 500) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("DOCKET_DB_POOL_SIZE: must be a whole number from 1 to 500");
  }

  /** The URL without its password, for messages and output. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public void preflight() {
    SchemaVersion version = schemaVersion();
    if (version.applied() == 0 && !tables().isEmpty()) {
      throw new CommandFailedException(
          location()
              + " is not a Docket database (schema "
              + schema
              + " holds tables but no Docket schema history)");
    }
    if (version.isNewerThanBuild()) {
      throw version.newerError();
    }
  }

  @Override
  public Store open() {
    try {
      PostgresOptions options = PostgresOptions.defaults().withSchema(schema);
      Integer pool = poolSize(System.getenv("DOCKET_DB_POOL_SIZE"));
      return PostgresStore.open(url, pool == null ? options : options.withPoolSize(pool));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--db currentSchema: " + e.getMessage());
    }
  }

  @Override
  public SchemaVersion schemaVersion() {
    int supported = BundledMigrations.latest(MIGRATIONS);
    return read(
        c ->
            new SchemaVersion(SchemaHistory.applied(c, schema, SqliteDatabase.HISTORY), supported));
  }

  @Override
  public DbInfo info() {
    SchemaVersion version = schemaVersion();
    return read(
        c ->
            new DbInfo(
                backend(),
                location(),
                version,
                Long.parseLong(
                    SqliteDatabase.single(c, "SELECT pg_database_size(current_database())")),
                "PostgreSQL " + SqliteDatabase.single(c, "SHOW server_version"),
                null,
                rowCounts(c)));
  }

  @Override
  public DbCheck check() {
    SchemaVersion version = schemaVersion();
    return read(
        c -> {
          String detail =
              "connected to PostgreSQL "
                  + SqliteDatabase.single(c, "SHOW server_version")
                  + ", schema "
                  + schema;
          return new DbCheck(backend(), location(), version, detail, List.of());
        });
  }

  private List<String> tables() {
    return read(this::tables);
  }

  private List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables(c)) {
      if (!table.equals(SqliteDatabase.HISTORY)) {
        String sql = "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"";
        counts.put(table, Long.parseLong(SqliteDatabase.single(c, sql)));
      }
    }
    return counts;
  }

  private <T> T read(SqlFunction<T> work) {
    DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    try (Connection c = DriverManager.getConnection(url)) {
      c.setReadOnly(true);
      return work.apply(c);
    } catch (SQLException e) {
      throw new CommandFailedException(
          "cannot use the PostgreSQL database at "
              + location()
              + " ("
              + ErrorReporter.oneLine(e.getMessage())
              + ")",
          e);
    }
  }
}
