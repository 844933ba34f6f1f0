package dev.docket.app;

import dev.docket.app.db.DbBackupCommand;
import dev.docket.app.db.DbDumpCommand;
import dev.docket.app.db.DbQueryCommand;
import dev.docket.app.db.DbResetCommand;
import dev.docket.app.db.DbRestoreCommand;
import picocli.CommandLine;

/**
 * The {@code db query|dump|backup|restore|reset} commands, which take the context in their
 * constructor. Registered on the root command before its settings (default values from the
 * environment, streams, handlers), which apply to the subcommands present at that moment.
 */
final class CliCommands {
  private CliCommands() {}

  static void register(CommandLine root, CliContext context) {
    CommandLine db = root.getSubcommands().get("db");
    db.addSubcommand(new DbQueryCommand(context));
    db.addSubcommand(new DbDumpCommand(context));
    db.addSubcommand(new DbBackupCommand(context));
    db.addSubcommand(new DbRestoreCommand(context));
    db.addSubcommand(new DbResetCommand(context));
  }
}
