package dev.docket.app;

import dev.docket.app.db.StoreFactory;
import dev.docket.app.db.Stores;
import dev.docket.app.output.Terminal;
import dev.docket.app.serve.Logging;
import dev.docket.app.transfer.StoreOpener;
import dev.docket.app.transfer.TransferCommands;
import dev.docket.app.transfer.TransferContext;
import dev.docket.ports.Store;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** The {@code docket} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Logging.configure(args);
    int code = run(args, System.out, System.err, System.getenv());
    System.exit(code);
  }

  /**
   * Runs one command with the given streams and environment, and answers its exit code (0 ok, 1
   * operation failed, 2 usage error). Never throws.
   */
  public static int run(
      String[] args, OutputStream out, OutputStream err, Map<String, String> env) {
    PrintWriter o = writer(out);
    PrintWriter e = writer(err);
    CliContext context = new CliContext(env, o, e);
    ErrorReporter errors = new ErrorReporter(context);
    try {
      return commandLine(context, errors).execute(args);
    } catch (RuntimeException | Error unexpected) {
      return errors.report(unexpected);
    } finally {
      o.flush();
      e.flush();
    }
  }

  static CommandLine commandLine(CliContext context, ErrorReporter errors) {
    CommandLine cmd = new CommandLine(new DocketCommand(context));
    CliCommands.register(cmd, context);
    TransferCommands.register(cmd, transferContext(context));
    cmd.setDefaultValueProvider(new EnvDefaults(context));
    cmd.setOut(context.out());
    cmd.setErr(context.err());
    cmd.setExecutionExceptionHandler(errors);
    cmd.setParameterExceptionHandler(errors);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }

  /** What export, import and copy (in their own package) need of the command line. */
  private static TransferContext transferContext(CliContext c) {
    StoreOpener stores =
        new StoreOpener() {
          @Override
          public Store open(String url) {
            return Stores.open(StoreFactory.parse(url));
          }

          @Override
          public String location(String url) {
            return StoreFactory.parse(url).location();
          }
        };
    return new TransferContext(
        c.out(), c.err(), c::db, c::json, c::env, Terminal::interactive, stores);
  }

  private static PrintWriter writer(OutputStream stream) {
    if (stream instanceof PrintStream ps) {
      return new PrintWriter(ps, true);
    }
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
