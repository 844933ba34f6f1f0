package dev.docket.app.users;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Table;
import dev.docket.app.output.Views;
import dev.docket.domain.User;
import dev.docket.ports.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code docket users list}: every user, newest first. */
@Command(name = "list", description = "Every user, newest first.")
final class UsersListCommand implements Callable<Integer> {
  private static final int PAGE = 500;

  @ParentCommand UsersCommand parent;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    try (CliSession session = CliSession.open(ctx)) {
      List<User> users = all(session);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Map.of("users", users.stream().map(Views::user).toList())));
      } else if (users.isEmpty()) {
        ctx.out().println("no users");
      } else {
        Table t = new Table("ID", "NAME", "EMAIL", "ROLES", "ACTIVE", "CREATED");
        for (User u : users) {
          t.row(
              u.id(),
              u.name(),
              u.email(),
              String.join(",", Views.roles(u)),
              u.active() ? "yes" : "no",
              CliTimes.show(u.createdAt()));
        }
        t.print(ctx.out());
      }
    }
    return ExitCode.OK;
  }

  private static List<User> all(CliSession session) {
    List<User> out = new ArrayList<>();
    UUID after = null;
    while (true) {
      Page<User> page = session.docket().users().list(session.actor(), after, PAGE);
      out.addAll(page.items());
      if (page.nextCursor() == null || page.items().isEmpty()) {
        return out;
      }
      after = page.items().get(page.items().size() - 1).id();
    }
  }
}
