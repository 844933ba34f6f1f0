package dev.docket.ports.usecase;

import dev.docket.domain.EventDraft;
import dev.docket.domain.Job;
import dev.docket.domain.JobCancelledException;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Json;
import dev.docket.domain.LeaseLostException;
import dev.docket.worker.ClaimOptions;
import dev.docket.worker.ClaimedJob;
import dev.docket.worker.LeaseEndedException;
import dev.docket.worker.StopReason;
import dev.docket.worker.Update;
import dev.docket.worker.WorkerRuntime;
import dev.docket.worker.WorkerTransport;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The worker protocol over the use cases themselves, for an application embedding Docket: a {@link
 * WorkerRuntime} built on it runs handlers in the application's own process, with no HTTP and no
 * client. Calls are made as {@code actor}, normally {@link Actor#system(String)}.
 */
public final class InProcessWorkers implements WorkerTransport {
  private final Docket docket;
  private final Actor actor;

  /** Works for {@code docket} as {@code actor}. */
  public InProcessWorkers(Docket docket, Actor actor) {
    this.docket = Objects.requireNonNull(docket, "docket");
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** A runtime builder over the use cases of {@code docket}, acting as the system actor. */
  public static WorkerRuntime.Builder runtime(Docket docket) {
    return WorkerRuntime.builder(new InProcessWorkers(docket, Actor.system("embedded-worker")));
  }

  @Override
  public List<ClaimedJob> claim(ClaimOptions o) throws InterruptedException {
    ClaimRequest request =
        new ClaimRequest(
            o.queue(),
            o.workerId(),
            o.limit(),
            (int) o.lease().toSeconds(),
            o.kinds().isEmpty() ? null : o.kinds(),
            o.preferKind(),
            (int) Math.min(30, Math.max(0, o.waitTime().toSeconds())));
    List<ClaimedJob> claimed = new ArrayList<>();
    for (Job j : docket.workers().claim(actor, request)) {
      claimed.add(
          new ClaimedJob(
              j.id().toString(), j.kind(), j.queue(), j.payload(), j.attempt(), j.leaseToken()));
    }
    return claimed;
  }

  @Override
  public void heartbeat(ClaimedJob job, Duration lease) {
    leased(
        job,
        () ->
            docket
                .workers()
                .heartbeat(actor, id(job), job.leaseToken(), null, (int) lease.toSeconds()));
  }

  @Override
  public void check(ClaimedJob job) {
    leased(job, () -> docket.workers().held(actor, id(job), job.leaseToken()));
  }

  @Override
  public void append(ClaimedJob job, List<Update> updates) {
    List<EventDraft> drafts = new ArrayList<>(updates.size());
    for (Update u : updates) {
      drafts.add(
          switch (u) {
            case Update.Log l -> new EventDraft("log", Json.quote(l.line()));
            case Update.Progress p -> new EventDraft("progress", Json.number(p.percent()));
          });
    }
    leased(job, () -> docket.workers().append(actor, id(job), job.leaseToken(), drafts));
  }

  @Override
  public void upload(ClaimedJob job, String name, String contentType, InputStream data)
      throws IOException {
    try {
      docket.artifacts().put(actor, id(job), name, contentType, job.leaseToken(), data);
    } catch (LeaseLostException | JobCancelledException e) {
      throw ended(job, e);
    }
  }

  @Override
  public void complete(ClaimedJob job, String resultJson) {
    leased(job, () -> docket.workers().complete(actor, id(job), job.leaseToken(), resultJson));
  }

  @Override
  public void fail(ClaimedJob job, String error, boolean retryable) {
    leased(job, () -> docket.workers().fail(actor, id(job), job.leaseToken(), error, retryable));
  }

  private void leased(ClaimedJob job, Supplier<?> call) {
    try {
      call.get();
    } catch (LeaseLostException | JobCancelledException e) {
      throw ended(job, e);
    }
  }

  /** Why the lease ended, read from the job as stored now. */
  private LeaseEndedException ended(ClaimedJob job, RuntimeException e) {
    if (e instanceof JobCancelledException) {
      return new LeaseEndedException(StopReason.CANCELLED, e.getMessage());
    }
    StopReason reason =
        docket
            .store()
            .jobs()
            .find(id(job))
            .filter(j -> j.status() == JobStatus.CANCELLED || TIMED_OUT.equals(j.error()))
            .map(
                j ->
                    j.status() == JobStatus.CANCELLED ? StopReason.CANCELLED : StopReason.TIMED_OUT)
            .orElse(StopReason.LEASE_LOST);
    return new LeaseEndedException(reason, e.getMessage());
  }

  private static final String TIMED_OUT = "timed out";

  private static UUID id(ClaimedJob job) {
    return UUID.fromString(job.id());
  }
}
