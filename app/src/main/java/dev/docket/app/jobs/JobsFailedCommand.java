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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket jobs failed}: recent failures with their error. */
@Command(name = "failed", description = "Recent failed jobs, newest first, with their error.")
final class JobsFailedCommand implements Callable<Integer> {
  private static final int ERROR_WIDTH = 80;

  @ParentCommand JobsCommand parent;

  @Option(names = "--queue", paramLabel = "Q", description = "Only this queue.")
  String queue;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Created at or after T: an RFC 3339 time or a duration ago such as 24h.")
  String since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N jobs (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    Instant from = since == null ? null : CliTimes.past("--since", since, Instant.now());
    JobLists.checkLimit(limit);
    try (CliSession session = CliSession.open(ctx)) {
      List<Job> jobs = JobLists.fetch(session, null, Set.of(JobStatus.FAILED), queue, from, limit);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Map.of("jobs", jobs.stream().map(Views::job).toList())));
      } else {
        print(ctx.out(), jobs);
      }
    }
    return ExitCode.OK;
  }

  private static void print(PrintWriter out, List<Job> jobs) {
    if (jobs.isEmpty()) {
      out.println("no failed jobs");
      return;
    }
    Table t = new Table("ID", "QUEUE", "KIND", "ATTEMPTS", "FINISHED", "ERROR");
    for (Job j : jobs) {
      t.row(
          j.id(),
          j.queue(),
          Table.cut(j.kind(), 40),
          j.attempt() + "/" + j.maxAttempts(),
          CliTimes.show(j.finishedAt()),
          Table.cut(j.error(), ERROR_WIDTH));
    }
    t.print(out);
  }
}
