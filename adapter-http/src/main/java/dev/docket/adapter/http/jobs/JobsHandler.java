package dev.docket.adapter.http.jobs;

import dev.docket.adapter.http.artifacts.ArtifactView;
import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.domain.Job;
import dev.docket.ports.JobQuery;
import dev.docket.ports.Page;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ArtifactService;
import dev.docket.ports.usecase.JobService;
import dev.docket.ports.usecase.SubmitResult;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** {@code /v1/jobs}: submit, batch, list, get, cancel, retry, delete. */
public final class JobsHandler {
  /**
   * Reads the artifact list of a job whose access the use case has just checked: after complete or
   * fail the worker may no longer read the job itself, yet the single-job answer lists them.
   */
  private static final Actor ADMITTED = Actor.system("http");

  private final JobService jobs;
  private final ArtifactService artifacts;
  private final Bodies bodies;
  private final Replies replies;

  public JobsHandler(JobService jobs, ArtifactService artifacts, Bodies bodies, Replies replies) {
    this.jobs = jobs;
    this.artifacts = artifacts;
    this.bodies = bodies;
    this.replies = replies;
  }

  public void submit(Context ctx) throws IOException {
    JobRequest body = bodies.read(ctx, JobRequest.class);
    SubmitResult r =
        jobs.submit(Auth.actor(ctx), JobSpecs.of(body, ctx.header("Idempotency-Key"), bodies));
    if (r.created()) {
      replies.created(ctx, "/v1/jobs/" + r.job().id(), JobView.of(r.job(), List.of(), null));
    } else {
      replies.ok(ctx, single(r.job()));
    }
  }

  public void batch(Context ctx) throws IOException {
    BatchRequest body = bodies.read(ctx, BatchRequest.class);
    List<Job> created = jobs.submitBatch(Auth.actor(ctx), JobSpecs.batch(body, bodies));
    replies.json(ctx, 201, new JobList(created.stream().map(JobView::brief).toList(), null));
  }

  public void list(Context ctx) throws IOException {
    JobQuery query =
        new JobQuery(
            Params.uuid(ctx, "owner_id"),
            JobService.statuses("status", ctx.queryParams("status")),
            Params.string(ctx, "queue"),
            Params.string(ctx, "kind"),
            Params.instant(ctx, "since"),
            Params.instant(ctx, "until"),
            Params.cursor(ctx),
            Params.limit(ctx));
    Page<Job> page = jobs.list(Auth.actor(ctx), query);
    replies.ok(
        ctx, new JobList(page.items().stream().map(JobView::brief).toList(), page.nextCursor()));
  }

  public void get(Context ctx) throws IOException {
    replies.ok(ctx, single(jobs.get(Auth.actor(ctx), Params.jobId(ctx))));
  }

  public void cancel(Context ctx) throws IOException {
    replies.ok(ctx, single(jobs.cancel(Auth.actor(ctx), Params.jobId(ctx))));
  }

  public void retry(Context ctx) throws IOException {
    replies.ok(ctx, single(jobs.retry(Auth.actor(ctx), Params.jobId(ctx))));
  }

  public void delete(Context ctx) {
    jobs.delete(Auth.actor(ctx), Params.jobId(ctx));
    Replies.noContent(ctx);
  }

  /** A job with its artifacts, as every single-job answer carries them. */
  public JobView single(Job job) {
    return JobView.of(job, ArtifactView.all(artifacts.list(ADMITTED, job.id())), null);
  }
}
