package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.ports.admin.StoreAdmin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code docket db migrate}: applies pending migrations and prints the schema version. */
@Command(
    name = "migrate",
    description = "Apply pending migrations (serve does this too) and print the schema version.")
final class DbMigrateCommand implements Callable<Integer> {
  @ParentCommand DbCommand parent;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    StoreAdmin db = ctx.database();
    db.preflight();
    int before = db.schemaVersion().applied();
    Stores.open(db).close(); // opening migrates
    int after = db.schemaVersion().applied();
    int applied = Math.max(0, after - before);
    if (ctx.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("backend", db.backend());
      m.put("location", db.location());
      m.put("previous_schema_version", before);
      m.put("schema_version", after);
      m.put("migrations_applied", applied);
      ctx.out().println(CliJson.write(m));
    } else {
      String what =
          applied == 0
              ? "up to date"
              : "applied " + applied + " migration" + (applied == 1 ? "" : "s");
      ctx.out().println("schema version " + after + " (" + what + ")");
    }
    return ExitCode.OK;
  }
}
