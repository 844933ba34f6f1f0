package dev.docket.app.db;

import dev.docket.app.CliContext;
import dev.docket.app.DocketCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docket db …}: the database itself rather than what is in it. */
@Command(
    name = "db",
    description = "Migrate, inspect, check, query, dump, back up, restore and reset the database.",
    mixinStandardHelpOptions = true,
    subcommands = {DbMigrateCommand.class, DbInfoCommand.class, DbCheckCommand.class})
public final class DbCommand implements Runnable {
  @ParentCommand DocketCommand parent;

  @Spec CommandSpec spec;

  CliContext context() {
    return parent.context();
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "name a db command: migrate, info, check, query, dump, backup, restore or reset");
  }
}
