package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.domain.Json;
import dev.docket.ports.admin.SchemaVersion;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.admin.TableRows;
import java.io.PrintWriter;
import java.util.ArrayList;
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
public final class DbDumpCommand implements Callable<Integer> {
  static final String REDACTED = "<redacted>";

  private final CliContext context;

  @Option(names = "--blobs", description = "Include binary columns in base64 instead of sizes.")
  boolean blobs;

  public DbDumpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StoreAdmin db = context.database();
    db.preflight();
    SchemaVersion schema = db.schemaVersion();
    PrintWriter out = context.out();
    out.print("{\"backend\":" + Json.quote(db.backend()));
    out.print(",\"location\":" + Json.quote(db.location()));
    out.print(",\"schema_version\":" + schema.applied());
    out.print(",\"blobs\":" + Json.quote(blobs ? "base64" : "omitted, sizes in <column>_bytes"));
    out.print(",\"tables\":{");
    Tables tables = new Tables(out);
    db.dump(tables);
    tables.end();
    out.println("}}");
    out.flush();
    return ExitCode.OK;
  }

  /** Prints each table as a JSON array of its rows, one row a line. */
  private final class Tables implements TableRows {
    private final PrintWriter out;
    private String table;
    private boolean anyTable;
    private boolean anyRow;

    Tables(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void table(String name) {
      end();
      out.print((anyTable ? ",\n" : "\n") + Json.quote(name) + ":[");
      table = name;
      anyTable = true;
      anyRow = false;
    }

    @Override
    public void row(Map<String, Object> columns) {
      out.print(anyRow ? ",\n" : "\n");
      out.print(CliJson.write(shape(table, columns)));
      anyRow = true;
    }

    @Override
    public void json(String object) {
      throw new IllegalStateException("a dump reads rows as columns");
    }

    void end() {
      if (table != null) {
        out.print(anyRow ? "\n]" : "]");
        table = null;
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
