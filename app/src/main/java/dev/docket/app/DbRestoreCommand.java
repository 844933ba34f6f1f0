package dev.docket.app;

import dev.docket.app.output.CliJson;
import dev.docket.domain.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * have the database open. Then the backup is copied next to the database, the old WAL and
 * shared-memory files are removed (a stale WAL would be replayed onto the restored file) and the
 * copy is moved over the database in one rename. The restore is then audited ({@code admin.restore}
 * by {@code cli}) in the restored database.
 */
@Command(
    name = "restore",
    description =
        "SQLite: replace the database with a backup, after checking the backup's integrity and"
            + " schema version. Needs --force; stop the server first.")
final class DbRestoreCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "FILE", description = "A backup made by docket db backup.")
  Path backup;

  @Option(names = "--force", description = "Really replace the database.")
  boolean force;

  DbRestoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Database db = context.database();
    if (!(db instanceof SqliteDatabase sqlite)) {
      throw new CommandFailedException(
          "db restore replaces SQLite databases only; restore PostgreSQL with psql or pg_restore");
    }
    if (!force) {
      throw new UsageException(
          "db restore replaces " + db.location() + " with " + backup + "; add --force to do it");
    }
    Path target = sqlite.file();
    DbCheck check = checkBackup(target);
    SqliteFiles.requireNotInUse(target, db.location());
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = SqliteFiles.sibling(target, "restore");
    try {
      Files.copy(backup, partial, StandardCopyOption.COPY_ATTRIBUTES);
      DbBackupCommand.sync(partial);
      SqliteFiles.deleteSideFiles(target);
      DbBackupCommand.move(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
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
  private int auditRestore(DbCheck check) {
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

  /** Every reason to refuse, before anything is touched. */
  private DbCheck checkBackup(Path target) throws IOException {
    if (!Files.isRegularFile(backup)) {
      throw refuse("there is no file " + backup);
    }
    if (Files.exists(target) && Files.isSameFile(backup, target)) {
      throw refuse(backup + " is the database itself");
    }
    SqliteDatabase candidate = new SqliteDatabase(backup.toString());
    DbCheck check;
    try {
      candidate.preflight();
      check = candidate.check();
    } catch (CommandFailedException e) {
      throw refuse(e.getMessage());
    }
    if (check.schema().applied() == 0) {
      throw refuse(backup + " is not a Docket database (it has no Docket schema)");
    }
    if (!check.ok()) {
      throw refuse(backup + " failed its integrity check: " + check.problems().get(0));
    }
    return check;
  }

  private CommandFailedException refuse(String why) {
    return new CommandFailedException(
        "not restoring: " + why + "; " + context.database().location() + " is untouched");
  }

  private void print(Database db, DbCheck check, int version) {
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
