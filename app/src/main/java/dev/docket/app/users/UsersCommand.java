package dev.docket.app.users;

import dev.docket.app.CliContext;
import dev.docket.app.DocketCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docket users …}: users, acting as the admin {@code cli}. */
@Command(
    name = "users",
    description = "Create, list and deactivate users.",
    mixinStandardHelpOptions = true,
    subcommands = {UsersCreateCommand.class, UsersListCommand.class, UsersDeactivateCommand.class})
public final class UsersCommand implements Runnable {
  @ParentCommand DocketCommand parent;

  @Spec CommandSpec spec;

  CliContext context() {
    return parent.context();
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a users command: create, list or deactivate");
  }
}
