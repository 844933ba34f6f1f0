package dev.docket.app.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Where a bench run is, on standard error: a bar redrawn in place on a terminal, one line a step
 * otherwise (a step lasts seconds, so lines stay few). {@code DOCKET_PROGRESS=bar|lines|none} as
 * elsewhere in the command line.
 */
final class BenchProgress implements AutoCloseable {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String mode;
  private final int total;
  private int done;
  private boolean drawn;

  BenchProgress(PrintWriter err, String setting, int total) {
    this.err = err;
    this.total = Math.max(1, total);
    String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
    this.mode =
        switch (s) {
          case "bar", "lines", "none" -> s;
          case "off" -> "none";
          default -> onTerminal() ? "bar" : "lines";
        };
  }

  /** As {@code Terminal} in the command line's package: {@code isTerminal()} is JDK 22+. */
  private static boolean onTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Says which step starts now. */
  void step(String what) {
    switch (mode) {
      case "bar" -> {
        int filled = (int) Math.round((double) done / total * WIDTH);
        err.printf(
            Locale.ROOT,
            "\rbench [%s%s] %d/%d %s\u001b[K",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            done,
            total,
            what);
        drawn = true;
      }
      case "lines" -> err.printf(Locale.ROOT, "bench %d/%d: %s%n", done + 1, total, what);
      default -> {
        return;
      }
    }
    err.flush();
    done++;
  }

  @Override
  public void close() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
