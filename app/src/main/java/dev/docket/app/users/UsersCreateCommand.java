package dev.docket.app.users;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.Views;
import dev.docket.domain.User;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket users create}: a new user (audited {@code user.create} by {@code cli}). */
@Command(name = "create", description = "Create a user; give it keys with docket keys create.")
final class UsersCreateCommand implements Callable<Integer> {
  @ParentCommand UsersCommand parent;

  @Option(names = "--name", required = true, paramLabel = "N", description = "Display name.")
  String name;

  @Option(names = "--email", required = true, paramLabel = "E", description = "Unique email.")
  String email;

  @Option(
      names = "--role",
      required = true,
      split = ",",
      paramLabel = "R",
      description = "admin, submitter or worker; repeat or separate with commas for several.")
  List<String> roles;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    try (CliSession session = CliSession.open(ctx)) {
      User user = session.docket().users().create(session.actor(), name, email, roles);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Views.user(user)));
      } else {
        ctx.out()
            .println(
                "created user "
                    + user.id()
                    + " ("
                    + user.email()
                    + ", "
                    + String.join(",", Views.roles(user))
                    + ")");
      }
    }
    return ExitCode.OK;
  }
}
