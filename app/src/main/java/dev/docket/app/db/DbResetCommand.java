package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.CommandFailedException;
import dev.docket.app.ExitCode;
import dev.docket.app.UsageException;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.Terminal;
import dev.docket.ports.admin.ResetOutcome;
import dev.docket.ports.admin.StoreAdmin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docket db reset --force}: deletes all data. SQLite: the database file with its WAL and
 * shared-memory files (refused while another process has it open). PostgreSQL: every Docket table
 * in the schema is truncated in one statement; the tables and the schema version stay, and the
 * emptied audit log gets one entry ({@code admin.reset} by {@code cli}). Without {@code --force} it
 * asks on a terminal (type {@code yes}; anything else cancels, exit 1), and elsewhere refuses as a
 * usage error (exit 2).
 */
@Command(
    name = "reset",
    description =
        "Delete all data (SQLite: the file and its -wal/-shm; PostgreSQL: truncate every table)."
            + " Without --force asks on a terminal, refuses otherwise (exit 2).")
public final class DbResetCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--force", description = "Do not ask.")
  boolean force;

  public DbResetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StoreAdmin db = context.database();
    db.preflight();
    if (!force) {
      confirm(db);
    }
    ResetOutcome outcome = db.reset();
    if (outcome.tablesEmptied() > 0) {
      auditReset(outcome.tablesEmptied());
    }
    String what = outcome.detail();
    if (context.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("database", db.location());
      m.put("reset", true);
      m.put("detail", what);
      context.out().println(CliJson.write(m));
    } else {
      context.out().println("reset " + db.location() + ": " + what);
    }
    return ExitCode.OK;
  }

  private void confirm(StoreAdmin db) {
    if (!Terminal.interactive()) {
      throw new UsageException(
          "db reset deletes all data in " + db.location() + "; add --force to do it");
    }
    boolean yes =
        Terminal.confirm(
            "This deletes every job, user and key in " + db.location() + ". Type yes to go on:",
            "yes");
    if (!yes) {
      throw new CommandFailedException("reset cancelled; nothing was deleted");
    }
  }

  /** The emptied audit log's first entry says who emptied it. */
  private void auditReset(int tables) {
    try (CliSession session = CliSession.open(context)) {
      session.audit("admin.reset", "database", null, "{\"tables_emptied\":" + tables + "}");
    }
  }
}
