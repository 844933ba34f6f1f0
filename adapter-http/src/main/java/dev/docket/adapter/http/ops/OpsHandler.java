package dev.docket.adapter.http.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.problem.ApiException;
import dev.docket.adapter.http.problem.ProblemType;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.adapter.http.wire.Times;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.ValidationException;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.Page;
import dev.docket.ports.PruneResult;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.AdminService;
import dev.docket.ports.usecase.AuditService;
import dev.docket.ports.usecase.JobService;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;

/** Operations: stats, audit trail, prune, and the unauthenticated health checks. */
public final class OpsHandler {
  private final JobService jobs;
  private final AuditService audit;
  private final AdminService admin;
  private final Store store;
  private final Bodies bodies;
  private final Replies replies;

  public OpsHandler(
      JobService jobs,
      AuditService audit,
      AdminService admin,
      Store store,
      Bodies bodies,
      Replies replies) {
    this.jobs = jobs;
    this.audit = audit;
    this.admin = admin;
    this.store = store;
    this.bodies = bodies;
    this.replies = replies;
  }

  public void stats(Context ctx) throws IOException {
    var stats =
        jobs.stats(Auth.actor(ctx), Params.string(ctx, "queue"), Params.instant(ctx, "since"));
    replies.ok(ctx, StatsView.of(stats));
  }

  public void audit(Context ctx) throws IOException {
    AuditQuery query =
        new AuditQuery(
            Params.string(ctx, "action"),
            Params.string(ctx, "resource"),
            Params.string(ctx, "actor_id"),
            Params.instant(ctx, "since"),
            Params.cursor(ctx),
            Params.limit(ctx));
    Page<AuditEntry> page = audit.list(Auth.actor(ctx), query);
    replies.ok(
        ctx,
        new AuditList(page.items().stream().map(AuditEntryView::of).toList(), page.nextCursor()));
  }

  public void prune(Context ctx) throws IOException {
    PruneBody b = bodies.read(ctx, PruneBody.class);
    PruneResult r = admin.prune(Auth.actor(ctx), olderThan(b.olderThan()), total -> {});
    replies.ok(ctx, r);
  }

  public void healthz(Context ctx) throws IOException {
    replies.ok(ctx, new StatusView("ok"));
  }

  public void readyz(Context ctx) throws IOException {
    if (!store.ping()) {
      ctx.header("Retry-After", "1");
      throw new ApiException(ProblemType.STORE_UNAVAILABLE, "the store does not answer");
    }
    replies.ok(ctx, new StatusView("ready"));
  }

  static Duration olderThan(JsonNode node) {
    if (node == null || node.isNull()) {
      throw ValidationException.of("older_than", "is required");
    }
    if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
      return Duration.ofSeconds(node.asLong());
    }
    if (node.isTextual()) {
      return Times.duration("older_than", node.asText());
    }
    throw ValidationException.of("older_than", "must be seconds or a duration such as 30d");
  }
}
