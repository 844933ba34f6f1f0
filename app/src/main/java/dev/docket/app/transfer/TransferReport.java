package dev.docket.app.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.docket.ports.transfer.TransferTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What an export, import or copy did, printed as a table for people or as one JSON object. */
record TransferReport(
    String operation,
    String source,
    String target,
    long records,
    long bytes,
    double seconds,
    Map<TransferTable, TableSummary> exported,
    Verification verification,
    Map<TransferTable, Long> skipped) {

  private static final JsonFactory JSON = new JsonFactory();

  void print(PrintWriter out, boolean json) {
    if (json) {
      out.println(json());
    } else {
      text(out);
    }
    out.flush();
  }

  /** The closing sentence: {@code copied 12 records (3.4 KiB) from A to B in 0.2 s}. */
  String sentence() {
    String verb =
        switch (operation) {
          case "export" -> "exported";
          case "import" -> "imported";
          default -> "copied";
        };
    StringBuilder b = new StringBuilder(verb + " " + records + " records (" + human(bytes) + ")");
    if (source != null) {
      b.append(" from ").append(source);
    }
    if (target != null) {
      b.append(" to ").append(target);
    }
    b.append(String.format(Locale.ROOT, " in %.1f s", seconds));
    if (verification != null) {
      b.append(
          verification.ok()
              ? verification.merged()
                  ? ": row counts add up (merged)"
                  : ": rows and checksums match"
              : ": VERIFICATION FAILED");
    }
    return b.toString();
  }

  private void text(PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    if (verification == null) {
      rows.add(new String[] {"table", "rows", "sha256"});
      for (TransferTable t : TransferTable.values()) {
        TableSummary s = exported.get(t);
        rows.add(
            new String[] {t.tableName(), Long.toString(s.rows()), TableCheck.shortSha(s.sha256())});
      }
    } else {
      rows.add(new String[] {"table", "expected", "rows", "skipped", "check"});
      for (TableCheck c : verification.checks()) {
        rows.add(
            new String[] {
              c.table().tableName(),
              Long.toString(c.expectedRows()),
              Long.toString(c.rows()),
              Long.toString(skipped == null ? 0 : skipped.getOrDefault(c.table(), 0L)),
              check(c)
            });
      }
    }
    columns(out, rows);
    out.println(sentence());
  }

  private static String check(TableCheck c) {
    if (!c.ok()) {
      return "MISMATCH " + c.problem();
    }
    return c.expectedSha256() == null
        ? "ok (count; merged)"
        : "ok sha256 " + TableCheck.shortSha(c.sha256());
  }

  private static void columns(PrintWriter out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        boolean number = i > 0 && i < r.length - 1;
        String cell = number ? pad(r[i], widths[i], true) : pad(r[i], widths[i], false);
        b.append(i == 0 ? "" : "  ").append(i == r.length - 1 ? r[i] : cell);
      }
      out.println(b);
    }
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private String json() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("operation", operation);
      g.writeStringField("source", source);
      g.writeStringField("target", target);
      g.writeNumberField("records", records);
      g.writeNumberField("bytes", bytes);
      g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
      if (verification != null) {
        g.writeBooleanField("merge", verification.merged());
        g.writeBooleanField("verified", verification.ok());
      }
      g.writeObjectFieldStart("tables");
      for (TransferTable t : TransferTable.values()) {
        g.writeObjectFieldStart(t.tableName());
        tableJson(g, t);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private void tableJson(JsonGenerator g, TransferTable t) throws IOException {
    if (verification == null) {
      g.writeNumberField("rows", exported.get(t).rows());
      g.writeStringField("sha256", exported.get(t).sha256());
      return;
    }
    TableCheck c = verification.checks().get(t.ordinal());
    g.writeNumberField("expected_rows", c.expectedRows());
    g.writeNumberField("rows", c.rows());
    g.writeNumberField("skipped", skipped == null ? 0 : skipped.getOrDefault(t, 0L));
    g.writeStringField("expected_sha256", c.expectedSha256());
    g.writeStringField("sha256", c.sha256());
    g.writeBooleanField("ok", c.ok());
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
