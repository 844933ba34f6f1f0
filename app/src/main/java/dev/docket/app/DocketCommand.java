package dev.docket.app;

import dev.docket.app.bench.BenchCommand;
import dev.docket.app.db.DbCommand;
import dev.docket.app.jobs.JobsCommand;
import dev.docket.app.keys.KeysCommand;
import dev.docket.app.prune.PruneCommand;
import dev.docket.app.serve.ServeCommand;
import dev.docket.app.users.UsersCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code docket}: the options every command takes; the work is in the command families, each in its
 * own package and listing its own subcommands. {@code export}, {@code import} and {@code copy} are
 * added by {@link dev.docket.app.transfer.TransferCommands}.
 */
@Command(
    name = "docket",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A job service: queue, lease, retry, and report on jobs.",
    subcommands = {
      ServeCommand.class,
      DbCommand.class,
      JobsCommand.class,
      UsersCommand.class,
      KeysCommand.class,
      PruneCommand.class,
      BenchCommand.class
    })
public final class DocketCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  DocketCommand(CliContext context) {
    this.context = context;
  }

  /** The settings and streams of this run, for the subcommands. */
  public CliContext context() {
    return context;
  }

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = CliContext.DEFAULT_DB,
      description =
          "sqlite:PATH or jdbc:postgresql://host:port/db?user=... (env DOCKET_DB; default"
              + " ${DEFAULT-VALUE})")
  void db(String value) {
    context.db(value);
  }

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON.")
  void json(boolean value) {
    context.json(value);
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Log more, and print stack traces of errors.")
  void verbose(boolean value) {
    context.verbose(value);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command; see docket --help");
  }
}
