package dev.docket.app.keys;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.jobs.JobLists;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Views;
import dev.docket.ports.usecase.NewKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket keys create}: a new key; the secret is printed this once. */
@Command(name = "create", description = "Create an API key for a user and print it once.")
final class KeysCreateCommand implements Callable<Integer> {
  @ParentCommand KeysCommand parent;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id.")
  String user;

  @Option(names = "--name", required = true, paramLabel = "N", description = "What the key is for.")
  String name;

  @Option(
      names = "--expires",
      paramLabel = "T",
      description = "An RFC 3339 time, or a duration from now such as 90d. Default: never.")
  String expires;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID userId = JobLists.id("--user", user);
    Instant expiresAt =
        expires == null ? null : CliTimes.future("--expires", expires, Instant.now());
    try (CliSession session = CliSession.open(ctx)) {
      NewKey created = session.docket().users().createKey(session.actor(), userId, name, expiresAt);
      if (ctx.json()) {
        Map<String, Object> m = new LinkedHashMap<>(Views.key(created.key()));
        m.put("key", created.secret());
        ctx.out().println(CliJson.write(m));
      } else {
        ctx.out().printf("%-8s %s%n", "id", created.key().id());
        ctx.out().printf("%-8s %s%n", "user", created.key().userId());
        ctx.out().printf("%-8s %s%n", "name", created.key().name());
        ctx.out().printf("%-8s %s%n", "expires", CliTimes.show(created.key().expiresAt()));
        ctx.out().printf("%-8s %s%n", "key", created.secret());
        ctx.out().println("(shown once: it is stored hashed and cannot be shown again)");
      }
    }
    return ExitCode.OK;
  }
}
