package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.UsageException;
import dev.docket.app.output.CliJson;
import dev.docket.domain.Json;
import dev.docket.ports.admin.IntegrityReport;
import dev.docket.ports.admin.StoreAdmin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code docket db restore FILE --force}: replaces a SQLite database with a backup. Everything
 * about the backup is checked before anything is touched: a SQLite file, {@code integrity_check}
 * and {@code foreign_key_check} clean, a Docket schema no newer than this build; and nobody may
 * have the database open (see {@link StoreAdmin#restore}). The restore is then audited ({@code
 * admin.restore} by {@code cli}) in the restored database.
 */
@Command(
    name = "restore",
    description =
        "SQLite: replace the database with a backup, after checking the backup's integrity and"
            + " schema version. Needs --force; stop the server first.")
public final class DbRestoreCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "FILE", description = "A backup made by docket db backup.")
  Path backup;

  @Option(names = "--force", description = "Really replace the database.")
  boolean force;

  public DbRestoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StoreAdmin db = context.database();
    if (!db.backend().equals("sqlite")) {
      db.restore(backup); // refuses, saying what to use instead
    }
    if (!force) {
      throw new UsageException(
          "db restore replaces " + db.location() + " with " + backup + "; add --force to do it");
    }
    IntegrityReport check = db.restore(backup);
    int version = auditRestore(check);
    print(db, check, version);
    return ExitCode.OK;
  }

  /**
   * Records the restore in the restored database's own audit log (the only one left), opening it as
   * every command does, which brings an older backup's schema up to this build.
   *
   * @return the schema version after opening
   */
  private int auditRestore(IntegrityReport check) {
    try (CliSession session = CliSession.open(context)) {
      session.audit(
          "admin.restore",
          "database",
          null,
          "{\"from\":"
              + Json.quote(backup.toAbsolutePath().toString())
              + ",\"backup_schema_version\":"
              + check.schema().applied()
              + "}");
    }
    return context.database().schemaVersion().applied();
  }

  private void print(StoreAdmin db, IntegrityReport check, int version) {
    if (context.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("database", db.location());
      m.put("restored_from", backup.toString());
      m.put("backup_schema_version", check.schema().applied());
      m.put("schema_version", version);
      context.out().println(CliJson.write(m));
    } else {
      context
          .out()
          .println(
              "restored "
                  + db.location()
                  + " from "
                  + backup
                  + " (schema version "
                  + (version == check.schema().applied()
                      ? Integer.toString(version)
                      : check.schema().applied() + ", migrated to " + version)
                  + ")");
    }
  }
}
