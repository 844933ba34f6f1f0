package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.admin.AppliedMigration;
import dev.docket.ports.admin.DatabaseInfo;
import dev.docket.ports.admin.IntegrityReport;
import dev.docket.ports.admin.ResetOutcome;
import dev.docket.ports.admin.SchemaVersion;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.admin.StoreAdminException;
import dev.docket.ports.admin.TableRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Administering one PostgreSQL database, open or not. Docket's tables live in the schema the URL's
 * {@code currentSchema} parameter names, else {@code public}. Inspection uses its own short JDBC
 * connection on which every transaction is read only ({@link ReadOnlyConnection}). Backups and
 * restores are the server's tools' job ({@code pg_dump}, {@code pg_restore}).
 */
public final class PostgresStoreAdmin implements StoreAdmin {
  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&,]+)");
  private static final int CONNECT_TIMEOUT_SECONDS = 5;
  private static final int FETCH = 500;
  private static final String TABLES =
      "SELECT table_name FROM information_schema.tables WHERE table_schema ="
          + " current_schema() AND table_type = 'BASE TABLE'";

  private final String url;
  private final String schema;
  private final Integer poolSize;

  /**
   * @param url a JDBC PostgreSQL URL
   * @param poolSize the store's pool size when opened, or null for {@link
   *     PostgresOptions#defaults()}'
   */
  public PostgresStoreAdmin(String url, Integer poolSize) {
    this.url = url;
    this.poolSize = poolSize;
    Matcher m = CURRENT_SCHEMA.matcher(url);
    this.schema = m.find() ? m.group(1) : "public";
  }

  /** The URL without its password, for messages and output. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** The newest migration this build carries: the schema version opening a store brings. */
  public static int bundledSchemaVersion() {
    return SchemaHistory.bundled();
  }

  @Override
  public String backend() {
    return "postgresql";
  }

  @Override
  public String location() {
    return redact(url);
  }

  @Override
  public void preflight() {
    SchemaVersion version = schemaVersion();
    if (version.applied() == 0 && !read(this::tablesOfSchema).isEmpty()) {
      throw new StoreAdminException(
          location()
              + " is not a Docket database (schema "
              + schema
              + " holds tables but no Docket schema history)");
    }
    if (version.isNewerThanBuild()) {
      throw version.newerError();
    }
  }

  /**
   * @throws IllegalArgumentException when the URL's {@code currentSchema} is not a plain name
   */
  @Override
  public Store open() {
    PostgresOptions options;
    try {
      options = PostgresOptions.defaults().withSchema(schema);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currentSchema: " + e.getMessage());
    }
    return PostgresStore.open(url, poolSize == null ? options : options.withPoolSize(poolSize));
  }

  @Override
  public SchemaVersion schemaVersion() {
    int supported = SchemaHistory.bundled();
    return read(c -> new SchemaVersion(SchemaHistory.applied(c, schema), supported));
  }

  @Override
  public List<AppliedMigration> history() {
    return read(c -> SchemaHistory.history(c, schema));
  }

  @Override
  public DatabaseInfo info() {
    SchemaVersion version = schemaVersion();
    return read(
        c ->
            new DatabaseInfo(
                backend(),
                location(),
                version,
                Long.parseLong(SqlValues.single(c, "SELECT pg_database_size(current_database())")),
                "PostgreSQL " + SqlValues.single(c, "SHOW server_version"),
                null,
                rowCounts(c)));
  }

  @Override
  public IntegrityReport check() {
    SchemaVersion version = schemaVersion();
    return read(
        c -> {
          String detail =
              "connected to PostgreSQL "
                  + SqlValues.single(c, "SHOW server_version")
                  + ", schema "
                  + schema;
          return new IntegrityReport(backend(), location(), version, detail, List.of());
        });
  }

  @Override
  public void dump(TableRows out) {
    try (Connection c = ReadOnlyConnection.open(url, false)) {
      // one snapshot for every table, so rows agree across tables
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      for (String table : SqlValues.column(c, TABLES + " ORDER BY table_name")) {
        out.table(table);
        try (Statement s = c.createStatement()) {
          s.setFetchSize(FETCH);
          try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
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

  /** Runs every statement of the text inside the read-only transaction; rows come as JSON. */
  @Override
  public void query(String sql, TableRows out) {
    try (Connection c = ReadOnlyConnection.open(url, true);
        PreparedStatement s = c.prepareStatement("SELECT pg_temp.docket_query(?)")) {
      s.setString(1, sql);
      s.setFetchSize(FETCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.json(rs.getString(1));
        }
      }
      c.rollback();
    } catch (SQLException e) {
      throw new StoreAdminException("query failed: " + SqlValues.firstLine(e.getMessage()), e);
    }
  }

  @Override
  public IntegrityReport backup(Path target, LongConsumer copiedBytes) {
    throw new StoreAdminException(
        "db backup copies SQLite databases only; back up PostgreSQL with pg_dump"
            + " (e.g. pg_dump --schema=SCHEMA DBNAME > docket.sql)");
  }

  @Override
  public long backupSourceBytes() {
    return 0;
  }

  @Override
  public IntegrityReport restore(Path backup) {
    throw new StoreAdminException(
        "db restore replaces SQLite databases only; restore PostgreSQL with psql or pg_restore");
  }

  /** Every Docket table in the schema truncated in one statement; the tables and version stay. */
  @Override
  public ResetOutcome reset() {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      List<String> tables =
          SqlValues.column(
              c,
              "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema ="
                  + " current_schema() AND table_type = 'BASE TABLE' AND table_name <> '"
                  + SchemaHistory.TABLE
                  + "' ORDER BY table_name");
      if (tables.isEmpty()) {
        return new ResetOutcome("no Docket tables; nothing to delete", 0);
      }
      s.execute("TRUNCATE " + String.join(", ", tables));
      return new ResetOutcome(
          "emptied " + tables.size() + " tables (the schema stays)", tables.size());
    } catch (SQLException e) {
      throw new StoreAdminException(
          "reset failed: " + SqlValues.firstLine(e.getMessage()) + "; nothing was deleted", e);
    }
  }

  private List<String> tablesOfSchema(Connection c) throws SQLException {
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
    for (String table : tablesOfSchema(c)) {
      if (!table.equals(SchemaHistory.TABLE)) {
        String sql = "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"";
        counts.put(table, Long.parseLong(SqlValues.single(c, sql)));
      }
    }
    return counts;
  }

  /** Work on a JDBC connection that the caller opened and will close. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private <T> T read(SqlWork<T> work) {
    DriverManager.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    try (Connection c = DriverManager.getConnection(url)) {
      c.setReadOnly(true);
      return work.apply(c);
    } catch (SQLException e) {
      throw new StoreAdminException(
          "cannot use the PostgreSQL database at "
              + location()
              + " ("
              + SqlValues.firstLine(e.getMessage())
              + ")",
          e);
    }
  }
}
