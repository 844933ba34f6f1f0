package dev.docket.adapter.http.worker;

import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.jobs.JobList;
import dev.docket.adapter.http.jobs.JobView;
import dev.docket.adapter.http.jobs.JobsHandler;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.domain.Job;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.WorkerService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** The worker protocol: claim (with long-poll), heartbeat, complete, fail. */
public final class WorkerHandler {
  private final WorkerService workers;
  private final JobsHandler jobs;
  private final Bodies bodies;
  private final Replies replies;

  public WorkerHandler(WorkerService workers, JobsHandler jobs, Bodies bodies, Replies replies) {
    this.workers = workers;
    this.jobs = jobs;
    this.bodies = bodies;
    this.replies = replies;
  }

  public void claim(Context ctx) throws IOException, InterruptedException {
    ClaimBody b = bodies.read(ctx, ClaimBody.class);
    ClaimRequest request =
        new ClaimRequest(
            Params.path(ctx, "queue"),
            b.workerId(),
            b.limit(),
            b.leaseSeconds(),
            b.kinds(),
            b.preferKind(),
            b.waitSeconds());
    List<Job> claimed = workers.claim(Auth.actor(ctx), request);
    replies.ok(
        ctx,
        new JobList(claimed.stream().map(j -> JobView.of(j, null, j.leaseToken())).toList(), null));
  }

  public void heartbeat(Context ctx) throws IOException {
    HeartbeatBody b = bodies.read(ctx, HeartbeatBody.class);
    Job job =
        workers.heartbeat(
            Auth.actor(ctx), Params.jobId(ctx), b.leaseToken(), b.progress(), b.leaseSeconds());
    replies.ok(ctx, new LeaseView(job.leaseExpiresAt()));
  }

  public void complete(Context ctx) throws IOException {
    CompleteBody b = bodies.read(ctx, CompleteBody.class);
    String result = b.result() == null || b.result().isNull() ? null : bodies.text(b.result());
    Job job = workers.complete(Auth.actor(ctx), Params.jobId(ctx), b.leaseToken(), result);
    replies.ok(ctx, jobs.single(job));
  }

  public void fail(Context ctx) throws IOException {
    FailBody b = bodies.read(ctx, FailBody.class);
    boolean retryable = b.retryable() == null || b.retryable();
    Job job =
        workers.fail(Auth.actor(ctx), Params.jobId(ctx), b.leaseToken(), b.error(), retryable);
    replies.ok(ctx, jobs.single(job));
  }
}
