package dev.docket.app.jobs;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Table;
import dev.docket.app.output.Views;
import dev.docket.domain.JobStatus;
import dev.docket.ports.JobStats;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket jobs stats}: counts by status and queue, success rate, durations. */
@Command(
    name = "stats",
    description = "Counts by status and queue, success rate, average and p95 duration.")
final class JobsStatsCommand implements Callable<Integer> {
  @ParentCommand JobsCommand parent;

  @Option(names = "--queue", paramLabel = "Q", description = "Only this queue.")
  String queue;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Created at or after T: an RFC 3339 time or a duration ago such as 24h.")
  String since;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    Instant from = since == null ? null : CliTimes.past("--since", since, Instant.now());
    try (CliSession session = CliSession.open(ctx)) {
      JobStats stats = session.docket().jobs().stats(session.actor(), queue, from);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Views.stats(stats)));
      } else {
        print(ctx.out(), stats);
      }
    }
    return ExitCode.OK;
  }

  private static void print(PrintWriter out, JobStats s) {
    Table t = new Table("QUEUE", "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");
    for (Map.Entry<String, Map<JobStatus, Long>> e : new TreeMap<>(s.byQueue()).entrySet()) {
      addRow(t, e.getKey(), e.getValue());
    }
    addRow(t, "(all)", s.byStatus());
    t.print(out);
    out.println();
    out.printf("%-14s %s%n", "success rate", percent(s.successRate()));
    out.printf("%-14s %s%n", "avg duration", seconds(s.avgDurationSeconds()));
    out.printf("%-14s %s%n", "p95 duration", seconds(s.p95DurationSeconds()));
  }

  private static void addRow(Table t, String queue, Map<JobStatus, Long> c) {
    t.row(
        queue,
        c.getOrDefault(JobStatus.QUEUED, 0L),
        c.getOrDefault(JobStatus.RUNNING, 0L),
        c.getOrDefault(JobStatus.SUCCEEDED, 0L),
        c.getOrDefault(JobStatus.FAILED, 0L),
        c.getOrDefault(JobStatus.CANCELLED, 0L));
  }

  private static String percent(Double rate) {
    return rate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static String seconds(Double s) {
    return s == null ? "-" : String.format(Locale.ROOT, "%.1f s", s);
  }
}
