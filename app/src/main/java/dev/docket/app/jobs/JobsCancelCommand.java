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

/** {@code docket jobs cancel ID}: queued or running → cancelled, as over HTTP; audited. */
@Command(name = "cancel", description = "Cancel a queued or running job.")
final class JobsCancelCommand implements Callable<Integer> {
  @ParentCommand JobsCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
  String id;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID jobId = JobLists.id("ID", id);
    try (CliSession session = CliSession.open(ctx)) {
      Job before = session.docket().jobs().get(session.actor(), jobId);
      Job after = session.docket().jobs().cancel(session.actor(), jobId);
      // JobService.cancel leaves no audit entry; every mutation from the command line must
      JobChanges.audit(session, "job.cancel", before, after);
      JobChanges.print(ctx, "cancelled", before, after);
    }
    return ExitCode.OK;
  }
}
