package dev.docket.app;

import dev.docket.app.output.CliJson;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code docket db query "SQL"}: one ad-hoc query, its rows printed as a JSON array of objects (one
 * row a line). Read-only is enforced by the database, not by looking at the SQL: see {@link
 * ReadOnlyConnections}. SQLite runs the first statement of the text and ignores the rest (the
 * driver prepares one statement); PostgreSQL runs them all inside the read-only transaction.
 */
@Command(
    name = "query",
    description =
        "Run a read-only SQL query and print its rows as a JSON array. The database refuses"
            + " writes (read-only connection or transaction), whatever the SQL says.")
final class DbQueryCommand implements Callable<Integer> {
  private static final int FETCH = 500;

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
  String sql;

  DbQueryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Database db = context.database();
    db.preflight();
    try {
      switch (db) {
        case SqliteDatabase s -> sqlite(s);
        case PostgresDatabase p -> postgres();
        default -> throw new CommandFailedException("db query does not support " + db.backend());
      }
    } catch (SQLException e) {
      throw new CommandFailedException("query failed: " + ErrorReporter.oneLine(e.getMessage()), e);
    }
    return ExitCode.OK;
  }

  private void sqlite(SqliteDatabase db) throws SQLException {
    // a prepared statement, never Statement.execute: the driver reads texts such as "backup to
    // FILE" or "restore from FILE" passed to Statement.execute as commands of its own
    try (Connection c = ReadOnlyConnections.sqlite(db.file());
        PreparedStatement s = c.prepareStatement(sql)) {
      RowPrinter out = new RowPrinter(context.out());
      if (s.execute()) {
        try (ResultSet rs = s.getResultSet()) {
          List<String> labels = SqlValues.labels(rs.getMetaData());
          while (rs.next()) {
            out.row(CliJson.write(SqlValues.row(rs, labels)));
          }
        }
      }
      out.end();
    }
  }

  private void postgres() throws SQLException {
    try (Connection c = ReadOnlyConnections.postgres(context.db().strip(), true);
        PreparedStatement s = c.prepareStatement("SELECT pg_temp.docket_query(?)")) {
      s.setString(1, sql);
      s.setFetchSize(FETCH);
      RowPrinter out = new RowPrinter(context.out());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.row(rs.getString(1));
        }
      }
      c.rollback();
      out.end();
    }
  }

  /** A JSON array printed as it is read, one row a line. */
  private static final class RowPrinter {
    private final PrintWriter out;
    private boolean any;

    RowPrinter(PrintWriter out) {
      this.out = out;
    }

    void row(String json) {
      out.print(any ? ",\n" : "[\n");
      out.print(json);
      any = true;
    }

    void end() {
      out.println(any ? "\n]" : "[]");
      out.flush();
    }
  }
}
