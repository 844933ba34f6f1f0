package dev.docket.app.jobs;

import dev.docket.app.CliContext;
import dev.docket.app.DocketCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docket jobs …}: read and manage jobs, acting as the admin {@code cli}. */
@Command(
    name = "jobs",
    description = "List, inspect, cancel and retry jobs.",
    mixinStandardHelpOptions = true,
    subcommands = {
      JobsListCommand.class,
      JobsShowCommand.class,
      JobsRunningCommand.class,
      JobsFailedCommand.class,
      JobsStatsCommand.class,
      JobsCancelCommand.class,
      JobsRetryCommand.class
    })
public final class JobsCommand implements Runnable {
  @ParentCommand DocketCommand parent;

  @Spec CommandSpec spec;

  CliContext context() {
    return parent.context();
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "name a jobs command: list, show, running, failed, stats, cancel or retry");
  }
}
