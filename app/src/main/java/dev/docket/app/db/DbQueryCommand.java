package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.admin.TableRows;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code docket db query "SQL"}: one ad-hoc query, its rows printed as a JSON array of objects (one
 * row a line). Read-only is enforced by the database, not by looking at the SQL (see {@link
 * StoreAdmin#query}). SQLite runs the first statement of the text and ignores the rest (the driver
 * prepares one statement); PostgreSQL runs them all inside the read-only transaction.
 */
@Command(
    name = "query",
    description =
        "Run a read-only SQL query and print its rows as a JSON array. The database refuses"
            + " writes (read-only connection or transaction), whatever the SQL says.")
public final class DbQueryCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
  String sql;

  public DbQueryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StoreAdmin db = context.database();
    db.preflight();
    RowPrinter out = new RowPrinter(context.out());
    db.query(sql, out);
    out.end();
    return ExitCode.OK;
  }

  /** A JSON array printed as it is read, one row a line. */
  private static final class RowPrinter implements TableRows {
    private final PrintWriter out;
    private boolean any;

    RowPrinter(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void row(Map<String, Object> columns) {
      json(CliJson.write(columns));
    }

    @Override
    public void json(String object) {
      out.print(any ? ",\n" : "[\n");
      out.print(object);
      any = true;
    }

    void end() {
      out.println(any ? "\n]" : "[]");
      out.flush();
    }
  }
}
