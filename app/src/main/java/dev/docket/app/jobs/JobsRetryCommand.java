package dev.docket.app.jobs;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.domain.Job;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code docket jobs retry ID}: failed or cancelled → queued, as over HTTP; audited. */
@Command(name = "retry", description = "Queue a failed or cancelled job again, attempts from 0.")
final class JobsRetryCommand implements Callable<Integer> {
  @ParentCommand JobsCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
  String id;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID jobId = JobLists.id("ID", id);
    try (CliSession session = CliSession.open(ctx)) {
      Job before = session.docket().jobs().get(session.actor(), jobId);
      Job after = session.docket().jobs().retry(session.actor(), jobId);
      // JobService.retry leaves no audit entry; every mutation from the command line must
      JobChanges.audit(session, "job.retry", before, after);
      JobChanges.print(ctx, "queued again", before, after);
    }
    return ExitCode.OK;
  }
}
