package dev.docket.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.docket.client.error.DocketException;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.error.ForbiddenException;
import dev.docket.client.error.JobCancelledException;
import dev.docket.client.error.LeaseLostException;
import dev.docket.client.error.NotFoundException;
import dev.docket.client.error.UnauthorizedException;
import dev.docket.client.error.ValidationException;
import dev.docket.client.model.Job;
import dev.docket.worker.ClaimOptions;
import dev.docket.worker.ClaimedJob;
import dev.docket.worker.FatalTransportException;
import dev.docket.worker.LeaseEndedException;
import dev.docket.worker.StopReason;
import dev.docket.worker.Update;
import dev.docket.worker.WorkerRuntime;
import dev.docket.worker.WorkerTransport;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The worker protocol over HTTP, for a {@link WorkerRuntime} working for a remote Docket server.
 * Answers become the runtime's terms: 409 {@code cancelled} and {@code lease-lost} (and a job gone)
 * end the lease; a wrong key, a missing role or a claim the server rejects is fatal; no answer is
 * transient, and retried by the runtime.
 */
public final class HttpWorkerTransport implements WorkerTransport {
  private static final String TIMED_OUT = "timed out";

  private final DocketClient client;

  /** Works through {@code client}, whose key must have the worker role. */
  public HttpWorkerTransport(DocketClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A runtime builder over {@code client}. */
  public static WorkerRuntime.Builder runtime(DocketClient client) {
    return WorkerRuntime.builder(new HttpWorkerTransport(client));
  }

  @Override
  public List<ClaimedJob> claim(ClaimOptions o) throws InterruptedException {
    Claim claim =
        new Claim(
            o.workerId(),
            o.limit(),
            (int) o.lease().toSeconds(),
            o.kinds().isEmpty() ? null : o.kinds(),
            o.preferKind(),
            (int) Math.min(30, Math.max(0, o.waitTime().toSeconds())));
    List<Job> jobs;
    try {
      jobs = client.worker().claim(o.queue(), claim);
    } catch (DocketUnreachableException e) {
      if (Thread.interrupted() || e.getCause() instanceof InterruptedIOException) {
        throw new InterruptedException("claim interrupted");
      }
      throw e;
    } catch (UnauthorizedException | ForbiddenException | ValidationException e) {
      throw new FatalTransportException(e.getMessage(), e);
    }
    List<ClaimedJob> claimed = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      claimed.add(
          new ClaimedJob(
              j.id(),
              j.kind(),
              j.queue(),
              j.payload() == null ? "{}" : j.payload().toString(),
              j.attempt(),
              j.leaseToken()));
    }
    return claimed;
  }

  @Override
  public void heartbeat(ClaimedJob job, Duration lease) {
    leased(
        job,
        () -> client.worker().heartbeat(job.id(), job.leaseToken(), null, (int) lease.toSeconds()));
  }

  @Override
  public void check(ClaimedJob job) {
    Job now = leased(job, () -> client.jobs().get(job.id()));
    if (now.status().equals("cancelled")) {
      throw new LeaseEndedException(StopReason.CANCELLED, "job " + job.id() + " was cancelled");
    }
    if (!now.status().equals("running") || now.attempt() != job.attempt()) {
      StopReason reason =
          now.attempt() == job.attempt() && TIMED_OUT.equals(now.error())
              ? StopReason.TIMED_OUT
              : StopReason.LEASE_LOST;
      throw new LeaseEndedException(reason, "job " + job.id() + " is " + now.status());
    }
  }

  @Override
  public void append(ClaimedJob job, List<Update> updates) {
    List<NewEvent> events = new ArrayList<>(updates.size());
    for (Update u : updates) {
      events.add(
          switch (u) {
            case Update.Log l -> NewEvent.log(l.line());
            case Update.Progress p -> NewEvent.progress(p.percent());
          });
    }
    leased(job, () -> client.events().append(job.id(), job.leaseToken(), events));
  }

  @Override
  public void upload(ClaimedJob job, String name, String contentType, InputStream data) {
    leased(
        job, () -> client.artifacts().upload(job.id(), job.leaseToken(), name, contentType, data));
  }

  @Override
  public void complete(ClaimedJob job, String resultJson) {
    Object result = resultJson == null ? null : parse(resultJson);
    leased(job, () -> client.worker().complete(job.id(), job.leaseToken(), result));
  }

  @Override
  public void fail(ClaimedJob job, String error, boolean retryable) {
    leased(job, () -> client.worker().fail(job.id(), job.leaseToken(), error, retryable));
  }

  private <T> T leased(ClaimedJob job, Supplier<T> call) {
    try {
      return call.get();
    } catch (JobCancelledException e) {
      throw new LeaseEndedException(StopReason.CANCELLED, e.getMessage());
    } catch (LeaseLostException | NotFoundException e) {
      throw new LeaseEndedException(reasonForLost(job), e.getMessage());
    } catch (UnauthorizedException | ForbiddenException e) {
      throw new FatalTransportException(e.getMessage(), e);
    }
  }

  /** The handler's result as JSON; text that is not JSON is kept as a JSON string. */
  private static Object parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  /** A lost lease may be a timeout or a cancellation seen late: the job says which. */
  private StopReason reasonForLost(ClaimedJob job) {
    try {
      Job now = client.jobs().get(job.id());
      if (now.status().equals("cancelled")) {
        return StopReason.CANCELLED;
      }
      if (now.attempt() == job.attempt() && TIMED_OUT.equals(now.error())) {
        return StopReason.TIMED_OUT;
      }
    } catch (DocketException e) {
      // the job is gone or the server unreachable: lost is all we know
    }
    return StopReason.LEASE_LOST;
  }
}
