package dev.docket.app.jobs;

import dev.docket.app.CliContext;
import dev.docket.app.CliSession;
import dev.docket.app.output.CliJson;
import dev.docket.app.output.Views;
import dev.docket.domain.Job;
import dev.docket.domain.Json;

/** What cancel and retry share: the audit entry and the output. */
final class JobChanges {
  private JobChanges() {}

  static void audit(CliSession session, String action, Job before, Job after) {
    session.audit(
        action,
        "job",
        after.id().toString(),
        "{\"from\":"
            + Json.quote(before.status().wire())
            + ",\"to\":"
            + Json.quote(after.status().wire())
            + "}");
  }

  static void print(CliContext ctx, String what, Job before, Job after) {
    if (ctx.json()) {
      ctx.out().println(CliJson.write(Views.job(after)));
    } else {
      ctx.out()
          .println(
              what
                  + " job "
                  + after.id()
                  + " (was "
                  + before.status().wire()
                  + ", now "
                  + after.status().wire()
                  + ")");
    }
  }
}
