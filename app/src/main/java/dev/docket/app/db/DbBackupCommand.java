package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.Progress;
import dev.docket.app.output.Sizes;
import dev.docket.ports.admin.IntegrityReport;
import dev.docket.ports.admin.StoreAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code docket db backup FILE}: a consistent copy of a SQLite database taken while it is in use
 * (see {@link StoreAdmin#backup}), with progress on standard error. PostgreSQL is refused: {@code
 * pg_dump} is the tool for that.
 */
@Command(
    name = "backup",
    description =
        "SQLite: write a consistent copy of the database to FILE while it is in use (VACUUM INTO)."
            + " PostgreSQL: use pg_dump.")
public final class DbBackupCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The backup to write (must not exist).")
  Path target;

  public DbBackupCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    StoreAdmin db = context.database();
    Progress.Mode mode = Progress.mode(context.env(Progress.ENV));
    IntegrityReport check;
    try (Progress progress =
        new Progress(context.err(), mode, "backing up", db.backupSourceBytes())) {
      check = db.backup(target, bytes -> progress.update(bytes, "bytes"));
    }
    print(db, check);
    return ExitCode.OK;
  }

  private void print(StoreAdmin db, IntegrityReport check) throws IOException {
    long bytes = Files.size(target);
    if (context.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("database", db.location());
      m.put("backup", target.toString());
      m.put("size_bytes", bytes);
      m.put("schema_version", check.schema().applied());
      m.put("integrity_check", "ok");
      context.out().println(CliJson.write(m));
    } else {
      context
          .out()
          .println(
              "backed up "
                  + db.location()
                  + " to "
                  + target
                  + " ("
                  + Sizes.human(bytes)
                  + ", schema version "
                  + check.schema().applied()
                  + ", integrity_check ok)");
    }
  }
}
