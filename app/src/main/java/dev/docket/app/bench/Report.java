package dev.docket.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a bench run: each scenario's median with its ceiling and ratio, and the ceilings,
 * as a table for people or JSON for scripts.
 */
record Report(
    Settings settings, String target, boolean inProcess, List<Row> rows, List<Result> ceilings) {

  /** A scenario's result and what it is compared with (null when that could not be measured). */
  record Row(Result result, String ceilingName, Result ceiling) {
    /** The scenario's median throughput over its ceiling's; null without a ceiling. */
    Double ratio() {
      if (ceiling == null || ceiling.medianPerSecond() <= 0) {
        return null;
      }
      return result.medianPerSecond() / ceiling.medianPerSecond();
    }
  }

  /** How the run was set up. */
  record Settings(Duration warmup, Duration duration, int repeat) {}

  void printTable(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "docket bench: %s; %s per run, median of %d, after %s of warm-up%n",
        target,
        human(settings.duration()),
        settings.repeat(),
        human(settings.warmup()));
    out.println(
        inProcess
            ? "(cpu = cores used by this process: the server and the load generator together)"
            : "(cpu = cores used by the load generator only; the server runs elsewhere)");
    out.println();
    String format = "%-22s %10s %9s %9s %6s %8s  %-32s %7s%n";
    out.printf(
        Locale.ROOT,
        format,
        "scenario",
        "ops/s",
        "p50 ms",
        "p99 ms",
        "cpu",
        "rss MB",
        "ceiling",
        "ratio");
    for (Row row : rows) {
      Measurement m = row.result().median();
      Double ratio = row.ratio();
      out.printf(
          Locale.ROOT,
          format,
          row.result().name(),
          String.format(Locale.ROOT, "%,.0f", m.perSecond()),
          millis(m.p50()),
          millis(m.p99()),
          m.cpuCores() < 0 ? "?" : String.format(Locale.ROOT, "%.2f", m.cpuCores()),
          m.rssBytes() < 0 ? "?" : Long.toString(m.rssBytes() / (1024 * 1024)),
          row.ceiling() == null
              ? row.ceilingName() + " (n/a)"
              : String.format(
                  Locale.ROOT, "%s %,.0f/s", row.ceilingName(), row.ceiling().medianPerSecond()),
          ratio == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio));
    }
    if (!ceilings.isEmpty()) {
      out.println();
      String cformat = "%-26s %10s %9s %9s%n";
      out.printf(Locale.ROOT, cformat, "ceiling", "ops/s", "p50 ms", "p99 ms");
      for (Result c : ceilings) {
        out.printf(
            Locale.ROOT,
            cformat,
            c.name(),
            String.format(Locale.ROOT, "%,.0f", c.medianPerSecond()),
            millis(c.median().p50()),
            millis(c.median().p99()));
      }
    }
    out.flush();
  }

  void printJson(PrintWriter out) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("target", target);
    root.put("in_process", inProcess);
    root.put("warmup_seconds", seconds(settings.warmup()));
    root.put("duration_seconds", seconds(settings.duration()));
    root.put("repeat", settings.repeat());
    List<Object> scenarios = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> s = measurement(row.result());
      s.put("ceiling", row.ceilingName());
      s.put(
          "ceiling_ops_per_second", row.ceiling() == null ? null : row.ceiling().medianPerSecond());
      s.put("ratio", row.ratio());
      scenarios.add(s);
    }
    root.put("scenarios", scenarios);
    root.put("ceilings", ceilings.stream().map(Report::measurement).toList());
    try {
      out.println(
          Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new BenchFailedException("cannot write the report as JSON", e);
    }
    out.flush();
  }

  private static Map<String, Object> measurement(Result r) {
    Measurement m = r.median();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", r.name());
    s.put("description", r.description());
    s.put("ops_per_second", m.perSecond());
    s.put("runs_ops_per_second", r.perSecond());
    s.put("operations", m.operations());
    s.put("p50_ms", m.p50().toNanos() / 1e6);
    s.put("p99_ms", m.p99().toNanos() / 1e6);
    s.put("cpu_cores", m.cpuCores() < 0 ? null : m.cpuCores());
    s.put("rss_bytes", m.rssBytes() < 0 ? null : m.rssBytes());
    return s;
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
