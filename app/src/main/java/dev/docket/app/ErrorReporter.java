package dev.docket.app;

import dev.docket.domain.DomainException;
import dev.docket.domain.ValidationException;
import dev.docket.ports.StoreUnavailableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error ({@code docket: <message>}) and the
 * contract's exit code; the stack trace only with {@code --verbose}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final CliContext context;

  ErrorReporter(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = context.err();
    String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
    err.println("docket: " + oneLine(ex.getMessage()) + " (see " + help + ")");
    if (context.verbose()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    return report(ex);
  }

  /** Prints {@code ex} as one line and answers the exit code it stands for. */
  int report(Throwable ex) {
    PrintWriter err = context.err();
    err.println("docket: " + message(ex));
    if (context.verbose()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return exitCode(ex);
  }

  static int exitCode(Throwable ex) {
    return ex instanceof UsageException || ex instanceof ValidationException
        ? ExitCode.USAGE
        : ExitCode.FAILED;
  }

  public static String message(Throwable ex) {
    return switch (ex) {
      case UsageException u -> oneLine(u.getMessage());
      case CommandFailedException f -> oneLine(f.getMessage());
      case StoreUnavailableException s -> "the database is unavailable: " + oneLine(s.getMessage());
      case DomainException d -> oneLine(d.getMessage());
      default -> unexpected(ex);
    };
  }

  private static String unexpected(Throwable ex) {
    String text = ex.getMessage();
    String kind = ex.getClass().getSimpleName();
    return text == null || text.isBlank()
        ? kind + " (run with --verbose for details)"
        : oneLine(text) + " (" + kind + ")";
  }

  public static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "failed";
    }
    String stripped = text.strip();
    int nl = stripped.indexOf('\n');
    return (nl < 0 ? stripped : stripped.substring(0, nl)).strip();
  }
}
