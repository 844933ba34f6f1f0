package dev.docket.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code docket users …}: users, acting as the admin {@code cli}. */
@Command(
    name = "users",
    description = "Create, list and deactivate users.",
    mixinStandardHelpOptions = true,
    subcommands = {UsersCreateCommand.class, UsersListCommand.class, UsersDeactivateCommand.class})
final class UsersCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  UsersCommand(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a users command: create, list or deactivate");
  }
}
