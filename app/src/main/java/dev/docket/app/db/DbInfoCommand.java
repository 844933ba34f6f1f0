package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.Sizes;
import dev.docket.ports.admin.DatabaseInfo;
import dev.docket.ports.admin.SchemaVersion;
import dev.docket.ports.admin.StoreAdmin;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code docket db info}: backend, schema version, size, server version, rows per table. */
@Command(
    name = "info",
    description =
        "Backend, schema version, file size or server version, row counts per table, journal mode.")
final class DbInfoCommand implements Callable<Integer> {
  @ParentCommand DbCommand parent;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    StoreAdmin db = ctx.database();
    db.preflight();
    DatabaseInfo info = db.info();
    if (ctx.json()) {
      ctx.out().println(CliJson.write(DbJson.info(info)));
    } else {
      print(ctx.out(), info);
    }
    return ExitCode.OK;
  }

  private static void print(PrintWriter out, DatabaseInfo info) {
    SchemaVersion schema = info.schema();
    row(out, "backend", info.backend());
    row(out, "database", info.location());
    row(
        out,
        "schema version",
        schema.applied()
            + (schema.pending() > 0
                ? " (" + schema.pending() + " pending; docket db migrate)"
                : ""));
    row(out, "server version", info.serverVersion());
    row(out, "size", Sizes.human(info.sizeBytes()));
    if (info.journalMode() != null) {
      row(out, "journal mode", info.journalMode());
    }
    out.println("rows");
    int width = info.rowCounts().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Long> e : info.rowCounts().entrySet()) {
      out.printf("  %-" + width + "s  %d%n", e.getKey(), e.getValue());
    }
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf("%-15s %s%n", label, value);
  }
}
