package dev.docket.app;

import dev.docket.app.output.CliJson;
import dev.docket.app.output.Terminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
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
final class DbResetCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--force", description = "Do not ask.")
  boolean force;

  DbResetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Database db = context.database();
    db.preflight();
    if (!force) {
      confirm(db);
    }
    String what =
        switch (db) {
          case SqliteDatabase s -> resetSqlite(s);
          case PostgresDatabase p -> resetPostgres();
          default -> throw new CommandFailedException("db reset does not support " + db.backend());
        };
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

  private void confirm(Database db) {
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

  private static String resetSqlite(SqliteDatabase db) throws IOException {
    Path file = db.file();
    if (!Files.exists(file)) {
      return "there was no database file; nothing to delete";
    }
    SqliteFiles.requireNotInUse(file, db.location());
    SqliteFiles.deleteSideFiles(file);
    Files.delete(file);
    SqliteFiles.deleteSideFiles(file); // the in-use check may have left a fresh WAL behind
    return "deleted the database file and its -wal/-shm files";
  }

  /** The emptied audit log's first entry says who emptied it. */
  private void auditReset(int tables) {
    try (CliSession session = CliSession.open(context)) {
      session.audit("admin.reset", "database", null, "{\"tables_emptied\":" + tables + "}");
    }
  }

  private String resetPostgres() {
    try (Connection c = DriverManager.getConnection(context.db().strip());
        Statement s = c.createStatement()) {
      List<String> tables =
          SqliteDatabase.column(
              c,
              "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema ="
                  + " current_schema() AND table_type = 'BASE TABLE' AND table_name <> '"
                  + SqliteDatabase.HISTORY
                  + "' ORDER BY table_name");
      if (tables.isEmpty()) {
        return "no Docket tables; nothing to delete";
      }
      s.execute("TRUNCATE " + String.join(", ", tables));
      auditReset(tables.size());
      return "emptied " + tables.size() + " tables (the schema stays)";
    } catch (SQLException e) {
      throw new CommandFailedException(
          "reset failed: " + ErrorReporter.oneLine(e.getMessage()) + "; nothing was deleted", e);
    }
  }
}
