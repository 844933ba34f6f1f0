package dev.docket.app;

import dev.docket.app.db.DbBackupCommand;
import dev.docket.app.db.DbDumpCommand;
import dev.docket.app.db.DbQueryCommand;
import dev.docket.app.db.DbResetCommand;
import dev.docket.app.db.DbRestoreCommand;
import picocli.CommandLine;

/**
 * The data and maintenance commands: {@code jobs}, {@code users}, {@code keys}, {@code prune}, and
 * {@code db query|dump|backup|restore|reset}. Registered on the root command before its settings
 * (default values from the environment, streams, handlers), which apply to the subcommands present
 * at that moment.
 */
final class CliCommands {
  private CliCommands() {}

  static void register(CommandLine root, CliContext context) {
    root.addSubcommand(new JobsCommand(context));
    root.addSubcommand(new UsersCommand(context));
    root.addSubcommand(new KeysCommand(context));
    root.addSubcommand(new PruneCommand(context));
    CommandLine db = root.getSubcommands().get("db");
    db.addSubcommand(new DbQueryCommand(context));
    db.addSubcommand(new DbDumpCommand(context));
    db.addSubcommand(new DbBackupCommand(context));
    db.addSubcommand(new DbRestoreCommand(context));
    db.addSubcommand(new DbResetCommand(context));
  }
}
