package dev.docket.app.transfer;

import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferTable;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of an export, import or copy on standard error: on a terminal one bar redrawn in place
 * (at most ten times a second); otherwise a plain line every {@value #LINE_EVERY} records, such as
 * {@code copied 10000 records (jobs 4000/5000)}, so logs stay readable. {@code
 * DOCKET_PROGRESS=bar|lines|none} overrides the choice, as for the other long commands.
 */
final class TransferProgress implements AutoCloseable {
  static final String ENV = "DOCKET_PROGRESS";
  static final long LINE_EVERY = 10_000;
  private static final int WIDTH = 30;
  private static final long BAR_EVERY_NANOS = 100_000_000L;

  enum Mode {
    BAR,
    LINES,
    NONE
  }

  private final PrintWriter err;
  private final Mode mode;
  private final String verb;
  private final Map<TransferTable, Long> totals;
  private final long total;
  private long done;
  private TransferTable table;
  private long tableDone;
  private long lastDrawn = Long.MIN_VALUE;

  /**
   * @param totals rows per table when known (export, copy), else null (import)
   */
  TransferProgress(PrintWriter err, Mode mode, String verb, Map<TransferTable, Long> totals) {
    this.err = err;
    this.mode = mode;
    this.verb = verb;
    this.totals = totals;
    this.total = totals == null ? 0 : totals.values().stream().mapToLong(Long::longValue).sum();
  }

  static TransferProgress start(TransferContext ctx, String verb, Map<TransferTable, Long> totals) {
    return new TransferProgress(ctx.err(), mode(ctx), verb, totals);
  }

  static Mode mode(TransferContext ctx) {
    String setting = ctx.env().apply(ENV);
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
    return ctx.interactive().getAsBoolean() ? Mode.BAR : Mode.LINES;
  }

  /** Counts one record. */
  void advance(TransferRecord record) {
    done++;
    if (record.table() != table) {
      table = record.table();
      tableDone = 0;
    }
    tableDone++;
    switch (mode) {
      case BAR -> {
        long now = System.nanoTime();
        if (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= BAR_EVERY_NANOS) {
          lastDrawn = now;
          draw();
        }
      }
      case LINES -> {
        if (done % LINE_EVERY == 0) {
          err.println(status());
          err.flush();
        }
      }
      case NONE -> {
        // nothing shown
      }
    }
  }

  long done() {
    return done;
  }

  private void draw() {
    String line;
    if (total > 0) {
      double f = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(f * WIDTH);
      line =
          String.format(
              Locale.ROOT,
              "%s [%s%s] %3d%% %s",
              verb,
              "#".repeat(filled),
              "-".repeat(WIDTH - filled),
              (int) Math.floor(f * 100),
              counts());
    } else {
      line = status();
    }
    err.print("\r" + line + "\u001b[K");
    err.flush();
  }

  /** {@code copied 10000 records (jobs 4000/5000)}. */
  String status() {
    return verb + " " + counts();
  }

  private String counts() {
    String records = (total > 0 ? done + "/" + total : Long.toString(done)) + " records";
    if (table == null) {
      return records;
    }
    String of = totals == null ? "" : "/" + totals.getOrDefault(table, 0L);
    return records + " (" + table.tableName() + " " + tableDone + of + ")";
  }

  /** Shows the final count and ends the bar's line. */
  @Override
  public void close() {
    switch (mode) {
      case BAR -> {
        draw();
        err.println();
      }
      case LINES -> {
        if (done % LINE_EVERY != 0 || done == 0) {
          err.println(status());
        }
      }
      case NONE -> {
        return;
      }
    }
    err.flush();
  }
}
