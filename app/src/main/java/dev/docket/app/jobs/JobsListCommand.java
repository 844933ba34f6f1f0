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
import dev.docket.ports.usecase.JobService;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket jobs list}: jobs newest first, filtered. */
@Command(name = "list", description = "Jobs, newest first.")
final class JobsListCommand implements Callable<Integer> {
  @ParentCommand JobsCommand parent;

  @Option(
      names = "--status",
      split = ",",
      paramLabel = "S",
      description =
          "queued, running, succeeded, failed or cancelled; repeat or separate with commas.")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--queue", paramLabel = "Q", description = "Only this queue.")
  String queue;

  @Option(names = "--owner", paramLabel = "ID", description = "Only jobs of this user.")
  String owner;

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "Created at or after T: an RFC 3339 time or a duration ago such as 24h or 7d.")
  String since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N jobs (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    Set<JobStatus> wanted = JobService.statuses("--status", statuses);
    UUID ownerId = JobLists.id("--owner", owner);
    Instant from = since == null ? null : CliTimes.past("--since", since, Instant.now());
    JobLists.checkLimit(limit);
    try (CliSession session = CliSession.open(ctx)) {
      List<Job> jobs = JobLists.fetch(session, ownerId, wanted, queue, from, limit);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Map.of("jobs", jobs.stream().map(Views::job).toList())));
      } else {
        print(ctx.out(), jobs);
      }
    }
    return ExitCode.OK;
  }

  static void print(PrintWriter out, List<Job> jobs) {
    if (jobs.isEmpty()) {
      out.println("no jobs");
      return;
    }
    Table t = new Table("ID", "STATUS", "QUEUE", "KIND", "ATTEMPT", "CREATED", "FINISHED");
    for (Job j : jobs) {
      t.row(
          j.id(),
          j.status().wire(),
          j.queue(),
          Table.cut(j.kind(), 40),
          j.attempt() + "/" + j.maxAttempts(),
          CliTimes.show(j.createdAt()),
          CliTimes.show(j.finishedAt()));
    }
    t.print(out);
  }
}
