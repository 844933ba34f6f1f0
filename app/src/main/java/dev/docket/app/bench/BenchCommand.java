package dev.docket.app.bench;

import dev.docket.ports.bench.CeilingRun;
import dev.docket.ports.bench.RawCeiling;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code docket bench}: the project's own load generator. Starts a server here (or uses {@code
 * --url}), warms it up, runs the named scenarios through the HTTP API and compares each with the
 * raw database beneath it, measured in the same run.
 */
@Command(
    name = "bench",
    description = {
      "Measure Docket through its HTTP API and compare it with the raw database beneath it.",
      "Starts a server in this process on a fresh SQLite file in a temporary directory, or on"
          + " --db (a new sqlite:PATH, or jdbc:postgresql:...; without currentSchema a schema of"
          + " its own is made and dropped; DOCKET_DB is not read, so bench never loads a store by"
          + " accident), or loads a running server (--url with an admin"
          + " --key). Creates its own users and keys, warms up, runs each scenario --repeat"
          + " times and shows the median: throughput, p50/p99 request latency, process CPU and"
          + " RSS, and the ratio to the scenario's ceiling (the raw one-row-per-commit insert, the"
          + " raw claim+complete cycle, or GET /healthz)."
    },
    mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  @Spec CommandSpec spec;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "NAME",
      description =
          "Only these scenarios, comma-separated (default: all). Names: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Names.class)
  List<String> scenarios;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      description =
          "How long each run of a scenario lasts, e.g. 5s, 500ms (default 5s; --quick 1s).")
  String duration;

  @Option(
      names = "--warmup",
      paramLabel = "TIME",
      description = "Load before measuring, e.g. 20s (default 20s; --quick 2s).")
  String warmup;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      description = "Runs of each scenario; the median is shown (default 3; --quick 1).")
  Integer repeat;

  @Option(names = "--quick", description = "A short run: 2s warm-up, 1s per scenario, once.")
  boolean quick;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "Load a running server instead of starting one (needs --key).")
  String url;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description = "An admin key of the server at --url (bench creates its own users with it).")
  String key;

  /** The scenario names, for the help text. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Scenarios.all().stream().map(Scenario::name).toList());
    }
  }

  @Override
  public Integer call() throws Exception {
    Report.Settings settings =
        new Report.Settings(
            time("--warmup", warmup, quick ? "2s" : "20s"),
            time("--duration", duration, quick ? "1s" : "5s"),
            repeat != null ? repeat : quick ? 1 : 3);
    if (settings.repeat() < 1) {
      throw usage("--repeat must be at least 1");
    }
    if (settings.duration().isZero()) {
      throw usage("--duration must be longer than 0");
    }
    List<Scenario> chosen = choose();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String db = matched("--db") ? (String) spec.findOption("--db").getValue() : null;
    try (Target target = target(db)) {
      Report report = run(target, settings, chosen, err);
      if (matched("--json")) {
        report.printJson(out);
      } else {
        report.printTable(out);
      }
    }
    return 0;
  }

  private Target target(String db) {
    if (url == null) {
      if (key != null) {
        throw usage("--key goes with --url; a server started here makes its own admin key");
      }
      return Target.start(db);
    }
    if (key == null || key.isBlank()) {
      throw usage("--url needs --key: an admin key of that server");
    }
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    return Target.remote(base, key, db);
  }

  private Report run(
      Target target, Report.Settings settings, List<Scenario> chosen, PrintWriter err)
      throws Exception {
    Set<Ceiling> needed = new LinkedHashSet<>();
    chosen.forEach(s -> needed.add(s.ceiling()));
    RawCeiling raw = target.ceiling();
    needed.removeIf(c -> c.raw() && raw == null);
    int steps = 1 + (needed.size() + chosen.size()) * settings.repeat();
    try (Api api = new Api(target.base());
        BenchProgress progress = new BenchProgress(err, System.getenv("DOCKET_PROGRESS"), steps)) {
      Workload workload = Workload.create(api, target.adminKey());
      progress.step("warm-up " + Report.human(settings.warmup()));
      warmUp(workload, settings.warmup());
      // each ceiling is measured just before the first scenario compared with it, so that the two
      // run under the same conditions (a busy machine changes pace over minutes)
      Map<Ceiling, Result> ceilings = new LinkedHashMap<>();
      List<Report.Row> rows = new ArrayList<>();
      for (Scenario s : chosen) {
        Ceiling c = s.ceiling();
        if (needed.contains(c) && !ceilings.containsKey(c)) {
          List<Measurement> runs = new ArrayList<>();
          for (int i = 1; i <= settings.repeat(); i++) {
            progress.step("ceiling " + c.name() + " " + i + "/" + settings.repeat());
            runs.add(measure(c, raw, workload, settings.duration()));
          }
          ceilings.put(c, Result.of(c.name(), "ceiling", runs));
        }
        List<Measurement> runs = new ArrayList<>();
        for (int i = 1; i <= settings.repeat(); i++) {
          progress.step(s.name() + " " + i + "/" + settings.repeat());
          runs.add(s.body().run(workload, settings.duration()));
        }
        rows.add(
            new Report.Row(
                Result.of(s.name(), s.description(), runs),
                s.ceiling().name(),
                ceilings.get(s.ceiling())));
      }
      return new Report(
          settings, target.description(), target.inProcess(), rows, List.copyOf(ceilings.values()));
    }
  }

  /** Mixed load so the JIT, the pools and the caches are warm before anything counts. */
  private static void warmUp(Workload w, Duration warmup) throws Exception {
    if (warmup.isZero()) {
      return;
    }
    List<Load.Group> groups =
        new ArrayList<>(Scenarios.mixed(w, w.freshQueue("bench-warmup"), 8, 8));
    groups.add(new Load.Group(4, i -> w::me));
    groups.add(new Load.Group(2, i -> w::healthz));
    Load.run(warmup, groups);
  }

  private static Measurement measure(Ceiling c, RawCeiling raw, Workload w, Duration d) {
    if (c.kind() == Ceiling.Kind.HEALTHZ) {
      return Load.run(d, List.of(new Load.Group(c.threads(), i -> w::healthz)));
    }
    long cpuBefore = ProcessMeter.cpuNanos();
    long start = System.nanoTime();
    CeilingRun run =
        c.kind() == Ceiling.Kind.INSERT
            ? raw.insertPerCommit(c.threads(), d)
            : raw.claimCompleteCycle(c.threads(), d);
    long wall = System.nanoTime() - start;
    long cpuAfter = ProcessMeter.cpuNanos();
    double cores = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / (double) wall;
    return new Measurement(
        run.operations(), run.elapsed(), run.p50(), run.p99(), cores, ProcessMeter.rssBytes());
  }

  private List<Scenario> choose() {
    List<Scenario> all = Scenarios.all();
    if (scenarios == null || scenarios.isEmpty()) {
      return all;
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String name : scenarios) {
      Scenario s =
          all.stream()
              .filter(x -> x.name().equals(name.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      usage(
                          "no scenario "
                              + name
                              + "; choose from "
                              + String.join(", ", all.stream().map(Scenario::name).toList())));
      if (!chosen.contains(s)) {
        chosen.add(s);
      }
    }
    // run in the usual order whatever order they were named in
    chosen.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
    return chosen;
  }

  /** Whether an inherited option was given, before or after {@code bench}. */
  private boolean matched(String option) {
    ParseResult mine = spec.commandLine().getParseResult();
    ParseResult root = spec.root().commandLine().getParseResult();
    return (mine != null && mine.hasMatchedOption(option))
        || (root != null && root.hasMatchedOption(option));
  }

  private Duration time(String option, String value, String fallback) {
    String v = (value == null ? fallback : value).strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      throw usage(option + " must be a time such as 500ms, 5s or 1m, not " + value);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
