package dev.docket.app;

import dev.docket.app.output.CliJson;
import dev.docket.domain.Json;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docket db dump}: every table as JSON, rows as stored, read in one consistent snapshot over
 * a read-only connection. Key secrets are only ever stored hashed, so the dump holds hashes; lease
 * tokens (live credentials of jobs and webhook deliveries) and server settings' values (the webhook
 * signing secret) are stored in the clear and replaced by {@value #REDACTED}. Binary columns
 * (artifact chunk bytes) are left out and given as their size in {@code <column>_bytes}, unless
 * {@code --blobs} asks for them in base64.
 */
@Command(
    name = "dump",
    description =
        "Print every table as JSON (key secrets stay hashed; lease tokens and settings such as the"
            + " webhook secret redacted). Artifact"
            + " chunk bytes are omitted and given as sizes (data_bytes) unless --blobs.")
final class DbDumpCommand implements Callable<Integer> {
  static final String REDACTED = "<redacted>";
  private static final int FETCH = 500;

  private final CliContext context;

  @Option(names = "--blobs", description = "Include binary columns in base64 instead of sizes.")
  boolean blobs;

  DbDumpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Database db = context.database();
    db.preflight();
    SchemaVersion schema = db.schemaVersion();
    try (Connection c = connect(db)) {
      List<String> tables = tables(c, db);
      PrintWriter out = context.out();
      out.print("{\"backend\":" + Json.quote(db.backend()));
      out.print(",\"location\":" + Json.quote(db.location()));
      out.print(",\"schema_version\":" + schema.applied());
      out.print(",\"blobs\":" + Json.quote(blobs ? "base64" : "omitted, sizes in <column>_bytes"));
      out.print(",\"tables\":{");
      for (int i = 0; i < tables.size(); i++) {
        out.print((i == 0 ? "\n" : ",\n") + Json.quote(tables.get(i)) + ":[");
        dumpTable(c, db, tables.get(i), out);
        out.print("]");
      }
      out.println("}}");
      out.flush();
      c.rollback();
    } catch (SQLException e) {
      throw new CommandFailedException("dump failed: " + ErrorReporter.oneLine(e.getMessage()), e);
    }
    return ExitCode.OK;
  }

  private Connection connect(Database db) throws SQLException {
    Connection c =
        switch (db) {
          case SqliteDatabase s -> ReadOnlyConnections.sqlite(s.file());
          case PostgresDatabase p -> ReadOnlyConnections.postgres(context.db().strip(), false);
          default -> throw new CommandFailedException("db dump does not support " + db.backend());
        };
    try {
      if (db instanceof PostgresDatabase) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      // one transaction for every table: a snapshot, so rows agree across tables
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private static List<String> tables(Connection c, Database db) throws SQLException {
    String sql =
        db instanceof SqliteDatabase
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
    return SqliteDatabase.column(c, sql);
  }

  private void dumpTable(Connection c, Database db, String table, PrintWriter out)
      throws SQLException {
    String order = db instanceof SqliteDatabase ? " ORDER BY rowid" : " ORDER BY 1";
    try (Statement s = c.createStatement()) {
      s.setFetchSize(FETCH);
      try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"" + order)) {
        List<String> labels = SqlValues.labels(rs.getMetaData());
        boolean first = true;
        while (rs.next()) {
          out.print(first ? "\n" : ",\n");
          out.print(CliJson.write(shape(table, SqlValues.row(rs, labels))));
          first = false;
        }
        if (!first) {
          out.print("\n");
        }
      }
    }
  }

  /** Server settings hold the webhook signing secret, which is stored as it is (HMAC needs it). */
  private static boolean isSetting(String table, String column) {
    return table.equals("settings") && column.equals("value");
  }

  private Map<String, Object> shape(String table, Map<String, Object> row) {
    for (String column : new ArrayList<>(row.keySet())) {
      Object v = row.get(column);
      if (v != null && (column.equals("lease_token") || isSetting(table, column))) {
        row.put(column, REDACTED);
      } else if (v instanceof byte[] bytes && !blobs) {
        row.remove(column);
        row.put(column + "_bytes", bytes.length);
      }
    }
    return row;
  }
}
