package dev.docket.app.keys;

import dev.docket.app.CliContext;
import dev.docket.app.DocketCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docket keys …}: API keys, acting as the admin {@code cli}. */
@Command(
    name = "keys",
    description = "Create, list and revoke API keys.",
    mixinStandardHelpOptions = true,
    subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
public final class KeysCommand implements Runnable {
  @ParentCommand DocketCommand parent;

  @Spec CommandSpec spec;

  CliContext context() {
    return parent.context();
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a keys command: create, list or revoke");
  }
}
