package dev.docket.app.users;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.jobs.JobLists;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.Views;
import dev.docket.domain.User;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code docket users deactivate ID}: the user and its keys stop working; its jobs stay. */
@Command(name = "deactivate", description = "Deactivate a user and revoke its keys.")
final class UsersDeactivateCommand implements Callable<Integer> {
  @ParentCommand UsersCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The user's id.")
  String id;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID userId = JobLists.id("ID", id);
    try (CliSession session = CliSession.open(ctx)) {
      session.docket().users().deactivate(session.actor(), userId);
      User user = session.docket().users().get(session.actor(), userId);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Views.user(user)));
      } else {
        ctx.out()
            .println(
                "deactivated user " + user.id() + " (" + user.email() + "); its keys are revoked");
      }
    }
    return ExitCode.OK;
  }
}
