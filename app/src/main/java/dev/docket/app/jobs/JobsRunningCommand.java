package dev.docket.app.jobs;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Table;
import dev.docket.app.output.Views;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket jobs running}: running jobs with their progress, worker and lease. */
@Command(name = "running", description = "Running jobs with progress, worker and lease expiry.")
final class JobsRunningCommand implements Callable<Integer> {
  @ParentCommand JobsCommand parent;

  @Option(names = "--queue", paramLabel = "Q", description = "Only this queue.")
  String queue;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N jobs (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    JobLists.checkLimit(limit);
    try (CliSession session = CliSession.open(ctx)) {
      List<Job> jobs = JobLists.fetch(session, null, Set.of(JobStatus.RUNNING), queue, null, limit);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Map.of("jobs", jobs.stream().map(Views::job).toList())));
      } else {
        print(ctx.out(), jobs, session.store().jobs().now());
      }
    }
    return ExitCode.OK;
  }

  private static void print(PrintWriter out, List<Job> jobs, Instant now) {
    if (jobs.isEmpty()) {
      out.println("no running jobs");
      return;
    }
    Table t =
        new Table(
            "ID", "QUEUE", "KIND", "PROGRESS", "WORKER", "ATTEMPT", "STARTED", "LEASE EXPIRES");
    for (Job j : jobs) {
      t.row(
          j.id(),
          j.queue(),
          Table.cut(j.kind(), 40),
          String.format(Locale.ROOT, "%.1f%%", j.progress()),
          j.workerId(),
          j.attempt() + "/" + j.maxAttempts(),
          CliTimes.show(j.startedAt()),
          lease(j.leaseExpiresAt(), now));
    }
    t.print(out);
  }

  static String lease(Instant expires, Instant now) {
    if (expires == null) {
      return "-";
    }
    Duration left = Duration.between(now, expires);
    return expires
        + (left.isNegative() || left.isZero()
            ? " (expired " + CliTimes.span(left.negated()) + " ago)"
            : " (in " + CliTimes.span(left) + ")");
  }
}
