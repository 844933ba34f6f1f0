package dev.docket.app.keys;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.ExitCode;
import dev.docket.app.jobs.JobLists;
import dev.docket.app.output.CliJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code docket keys revoke ID}: the key stops working at once. */
@Command(name = "revoke", description = "Revoke an API key.")
final class KeysRevokeCommand implements Callable<Integer> {
  @ParentCommand KeysCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The key's id.")
  String id;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    UUID keyId = JobLists.id("ID", id);
    try (CliSession session = CliSession.open(ctx)) {
      session.docket().users().revokeKey(session.actor(), keyId);
      if (ctx.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", keyId);
        m.put("revoked", true);
        ctx.out().println(CliJson.write(m));
      } else {
        ctx.out().println("revoked key " + keyId);
      }
    }
    return ExitCode.OK;
  }
}
