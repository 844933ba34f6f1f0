package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.CommandFailedException;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.ports.admin.IntegrityReport;
import dev.docket.ports.admin.SchemaVersion;
import dev.docket.ports.admin.StoreAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code docket db check}: SQLite's integrity check, or Postgres connectivity; both with the schema
 * version. A failed check prints what was found and exits 1.
 */
@Command(
    name = "check",
    description =
        "SQLite: PRAGMA integrity_check. PostgreSQL: connectivity. Both: the schema version.")
final class DbCheckCommand implements Callable<Integer> {
  @ParentCommand DbCommand parent;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    StoreAdmin db = ctx.database();
    db.preflight();
    IntegrityReport check = db.check();
    if (ctx.json()) {
      ctx.out().println(CliJson.write(DbJson.check(check)));
    } else {
      SchemaVersion schema = check.schema();
      ctx.out()
          .println(
              (check.ok() ? "ok: " : "FAILED: ")
                  + check.detail()
                  + "; schema version "
                  + schema.applied()
                  + (schema.pending() > 0 ? " (" + schema.pending() + " pending)" : ""));
      check.problems().forEach(p -> ctx.out().println("  " + p));
    }
    if (!check.ok()) {
      throw new CommandFailedException(
          "check failed for "
              + db.location()
              + ": "
              + check.problems().get(0)
              + (check.problems().size() > 1
                  ? " (and " + (check.problems().size() - 1) + " more)"
                  : ""));
    }
    return ExitCode.OK;
  }
}
