package dev.docket.app.prune;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.DocketCommand;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Progress;
import dev.docket.app.serve.Retention;
import dev.docket.ports.PruneResult;
import dev.docket.ports.usecase.AdminService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code docket prune --older-than 30d}: deletes terminal jobs finished before the cut-off with
 * their events and artifacts, in short batches (audited {@code admin.prune} by {@code cli}). {@code
 * --dry-run} only counts.
 */
@Command(
    name = "prune",
    description =
        "Delete terminal jobs finished before the cut-off, with their events and artifacts.")
public final class PruneCommand implements Callable<Integer> {
  @ParentCommand DocketCommand parent;

  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "AGE",
      description = "Finished more than AGE ago: seconds or 90s, 15m, 12h, 30d.")
  String olderThan;

  @Option(names = "--dry-run", description = "Count what would be deleted; delete nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    Duration age = CliTimes.duration("--older-than", olderThan);
    try (CliSession session = CliSession.open(context())) {
      Instant cutoff = session.store().jobs().now().minus(age);
      PruneResult result =
          dryRun ? PruneEstimate.count(session, cutoff, true) : prune(session, age);
      print(result, cutoff);
    }
    return ExitCode.OK;
  }

  private PruneResult prune(CliSession session, Duration age) {
    Progress.Mode mode = Progress.mode(context().env(Progress.ENV));
    long total = 0;
    if (mode == Progress.Mode.BAR) {
      // a bar needs a total; counting only reads, so it costs time but blocks nobody
      Instant cutoff = session.store().jobs().now().minus(age);
      total = PruneEstimate.count(session, cutoff, false).jobs();
    }
    try (Progress progress = new Progress(context().err(), mode, "pruning", total)) {
      // small batches, as retention uses: a server may be submitting into this database meanwhile
      AdminService admin =
          new AdminService(session.store().jobs(), session.docket().audit(), Retention.BATCH);
      return admin.prune(
          session.actor(),
          age,
          sofar -> progress.update(sofar.jobs(), "jobs (" + sofar.events() + " events)"));
    }
  }

  private void print(PruneResult r, Instant cutoff) {
    if (context().json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dry_run", dryRun);
      m.put("cutoff", cutoff);
      m.put("jobs", r.jobs());
      m.put("events", r.events());
      m.put("artifacts", r.artifacts());
      context().out().println(CliJson.write(m));
    } else {
      context()
          .out()
          .println(
              (dryRun ? "would delete " : "deleted ")
                  + r.jobs()
                  + " job(s), "
                  + r.events()
                  + " event(s) and "
                  + r.artifacts()
                  + " artifact(s) of jobs finished before "
                  + cutoff);
    }
  }

  private CliContext context() {
    return parent.context();
  }
}
