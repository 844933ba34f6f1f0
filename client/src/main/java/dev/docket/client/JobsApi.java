package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.client.error.ConflictException;
import dev.docket.client.error.NotFoundException;
import dev.docket.client.error.ValidationException;
import dev.docket.client.model.Job;
import dev.docket.client.model.Page;
import dev.docket.client.model.WebhookDelivery;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submitting and managing jobs ({@code /v1/jobs}).
 *
 * <p>A submit always carries an {@code Idempotency-Key}: the caller's, or a random one drawn once
 * per call, so the client may repeat it after any failure (a lost answer included) and the server
 * still makes one job; a batch likewise carries a key for each of its jobs. The other writes here
 * are repeated only when the server surely did not act.
 */
public final class JobsApi {
  private final Transport t;

  JobsApi(Transport t) {
    this.t = t;
  }

  /**
   * Submits a job; returns it (the first job when the idempotency key was used before).
   *
   * @throws ValidationException a field is invalid (named in the problem)
   * @throws ConflictException the idempotency key was used before with another body
   */
  public Job submit(NewJob job) {
    String key = job.idempotencyKey() != null ? job.idempotencyKey() : newKey();
    HttpRequest.Builder b = t.request("v1/jobs", Duration.ZERO).header("Idempotency-Key", key);
    JsonNode body = t.json(b, "POST", job.withIdempotencyKey(null), Replay.ANY_FAILURE);
    return Transport.convert(body, Job.class);
  }

  /**
   * Submits up to 1000 jobs at once, all or nothing. Each job without an idempotency key gets a
   * random one (the server replays the jobs of known keys inside a batch too), so the batch is
   * repeated after any failure like a single submit and still makes each job once.
   *
   * @throws ValidationException one job is invalid (the field is named {@code jobs[i].field})
   */
  public List<Job> batch(List<NewJob> jobs) {
    List<NewJob> keyed =
        jobs.stream()
            .map(j -> j.idempotencyKey() != null ? j : j.withIdempotencyKey(newKey()))
            .toList();
    JsonNode body = t.json("POST", "v1/jobs/batch", Map.of("jobs", keyed), Replay.ANY_FAILURE);
    return Lists.items(body, "jobs", Job.class);
  }

  /**
   * The job with its artifacts.
   *
   * @throws NotFoundException no such job, or another user's
   */
  public Job get(String id) {
    return t.json("GET", "v1/jobs/" + Transport.seg(id), null, Replay.ANY_FAILURE, Job.class);
  }

  /** One page of jobs, newest first (without artifacts). */
  public Page<Job> list(JobQuery query) {
    JsonNode body = t.json("GET", "v1/jobs" + query.toQuery(), null, Replay.ANY_FAILURE);
    return Lists.page(body, "jobs", Job.class);
  }

  /**
   * Cancels a queued or running job.
   *
   * @throws ConflictException the job is already terminal
   */
  public Job cancel(String id) {
    return post("v1/jobs/" + Transport.seg(id) + "/cancel");
  }

  /**
   * Queues a failed or cancelled job again with its attempts reset.
   *
   * @throws ConflictException the job is neither failed nor cancelled
   */
  public Job retry(String id) {
    return post("v1/jobs/" + Transport.seg(id) + "/retry");
  }

  /**
   * Deletes a terminal job with its events and artifacts.
   *
   * @throws ConflictException the job is not terminal
   */
  public void delete(String id) {
    t.json("DELETE", "v1/jobs/" + Transport.seg(id), null, Replay.UNSENT_ONLY);
  }

  /** The webhook deliveries of a job, oldest first. */
  public List<WebhookDelivery> webhooks(String id) {
    JsonNode body =
        t.json("GET", "v1/jobs/" + Transport.seg(id) + "/webhooks", null, Replay.ANY_FAILURE);
    return Lists.items(body, "deliveries", WebhookDelivery.class);
  }

  /** A key for one logical submit: random, so two submits of equal bodies stay two jobs. */
  private static String newKey() {
    return "dkc-" + UUID.randomUUID();
  }

  private Job post(String path) {
    return t.json("POST", path, Map.of(), Replay.UNSENT_ONLY, Job.class);
  }
}
