package dev.docket.app.output;

import dev.docket.app.CliContext;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long operation on standard error: a bar redrawn in place on a terminal, plain lines
 * (at most one a second, and the last state) otherwise, so logs and CI output stay readable. {@code
 * DOCKET_PROGRESS=bar|lines|none} overrides the choice.
 */
public final class Progress implements AutoCloseable {
  public static final String ENV = "DOCKET_PROGRESS";
  private static final int WIDTH = 30;
  private static final long BAR_EVERY_NANOS = 100_000_000L;
  private static final long LINE_EVERY_NANOS = 1_000_000_000L;

  public enum Mode {
    BAR,
    LINES,
    NONE
  }

  private final PrintWriter err;
  private final Mode mode;
  private final String label;
  private final long total;
  private long lastPrinted = Long.MIN_VALUE;
  private long done;
  private String detail = "";
  private boolean dirty;
  private boolean drawn;

  public Progress(PrintWriter err, Mode mode, String label, long total) {
    this.err = err;
    this.mode = mode;
    this.label = label;
    this.total = total;
  }

  /**
   * @param total the amount of work, or 0 or less when it is not known
   */
  static Progress start(CliContext ctx, String label, long total) {
    return new Progress(ctx.err(), mode(ctx.env(ENV)), label, total);
  }

  public static Mode mode(String setting) {
    if (setting != null) {
      switch (setting.strip().toLowerCase(Locale.ROOT)) {
        case "bar" -> {
          return Mode.BAR;
        }
        case "lines" -> {
          return Mode.LINES;
        }
        case "none", "off" -> {
          return Mode.NONE;
        }
        default -> {
          // an unknown value falls back to the automatic choice
        }
      }
    }
    return Terminal.interactive() ? Mode.BAR : Mode.LINES;
  }

  /** Records the work done so far and redraws when it is time to. */
  public void update(long doneSoFar, String what) {
    this.done = doneSoFar;
    this.detail = what == null ? "" : what;
    this.dirty = true;
    long now = System.nanoTime();
    long every = mode == Mode.BAR ? BAR_EVERY_NANOS : LINE_EVERY_NANOS;
    if (lastPrinted == Long.MIN_VALUE || now - lastPrinted >= every) {
      print(now);
    }
  }

  private void print(long now) {
    lastPrinted = now;
    dirty = false;
    switch (mode) {
      case BAR -> {
        err.print("\r" + bar() + "\u001b[K");
        drawn = true;
      }
      case LINES -> err.println(label + ": " + amount() + suffix());
      case NONE -> {
        return;
      }
    }
    err.flush();
  }

  private String bar() {
    if (total <= 0) {
      return label + " " + amount() + suffix();
    }
    double f = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(f * WIDTH);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %s%s",
        label,
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        (int) Math.floor(f * 100),
        amount(),
        suffix());
  }

  private String amount() {
    return total > 0 ? done + "/" + total : Long.toString(done);
  }

  private String suffix() {
    return detail.isEmpty() ? "" : " " + detail;
  }

  /** Prints the last state if it was not shown yet, and ends the bar's line. */
  @Override
  public void close() {
    if (dirty) {
      print(System.nanoTime());
    }
    if (mode == Mode.BAR && drawn) {
      err.println();
      err.flush();
    }
  }
}
