package dev.docket.app.keys;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.jobs.JobLists;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.CliTimes;
import dev.docket.app.output.Table;
import dev.docket.app.output.Views;
import dev.docket.domain.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket keys list --user ID}: a user's keys, without their secrets. */
@Command(name = "list", description = "A user's keys, newest first (prefixes only, never secrets).")
final class KeysListCommand implements Callable<Integer> {
  @ParentCommand KeysCommand parent;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id.")
  String user;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID userId = JobLists.id("--user", user);
    try (CliSession session = CliSession.open(ctx)) {
      List<ApiKey> keys = session.docket().users().listKeys(session.actor(), userId);
      if (ctx.json()) {
        ctx.out().println(CliJson.write(Map.of("keys", keys.stream().map(Views::key).toList())));
      } else if (keys.isEmpty()) {
        ctx.out().println("no keys");
      } else {
        Instant now = Instant.now();
        Table t = new Table("ID", "NAME", "PREFIX", "STATE", "CREATED", "LAST USED", "EXPIRES");
        for (ApiKey k : keys) {
          t.row(
              k.id(),
              k.name(),
              k.keyPrefix(),
              k.revokedAt() != null ? "revoked" : k.isUsableAt(now) ? "active" : "expired",
              CliTimes.show(k.createdAt()),
              CliTimes.show(k.lastUsedAt()),
              CliTimes.show(k.expiresAt()));
        }
        t.print(ctx.out());
      }
    }
    return ExitCode.OK;
  }
}
