package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.error.JobCancelledException;
import dev.docket.client.error.LeaseLostException;
import dev.docket.client.model.Job;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker protocol: claim, heartbeat, complete, fail.
 *
 * <p>What is repeated after a failure, and why:
 *
 * <ul>
 *   <li>{@link #heartbeat} after any failure: a second heartbeat with the same token only extends
 *       the lease again, and the same progress is not logged twice.
 *   <li>{@link #claim}, {@link #complete} and {@link #fail} only when the server surely did not act
 *       (connection refused, or Docket's own 503, after which nothing was written). A second
 *       complete or fail after one that did arrive is answered 409 {@code lease-lost} (the lease
 *       ended with the first outcome), so repeating it would turn a success into an error; a
 *       repeated claim would lease a second batch. When such a call breaks mid-way, {@link
 *       DocketUnreachableException} is thrown: a worker should then read the job ({@code
 *       jobs().get}) to learn whether its outcome landed, or leave it to the server, which rescues
 *       an expired lease.
 * </ul>
 */
public final class WorkerApi {
  private final Transport t;

  WorkerApi(Transport t) {
    this.t = t;
  }

  /**
   * Claims jobs from {@code queue}, long-polling up to {@code claim.waitSeconds()}; each job
   * carries its {@link Job#leaseToken()}. The list may be empty.
   */
  public List<Job> claim(String queue, Claim claim) {
    int wait = claim.waitSeconds() == null ? 0 : claim.waitSeconds();
    HttpRequest.Builder b =
        t.request("v1/queues/" + Transport.seg(queue) + "/claim", Duration.ofSeconds(wait));
    JsonNode body = t.json(b, "POST", claim, Replay.UNSENT_ONLY);
    return Lists.items(body, "jobs", Job.class);
  }

  /**
   * Extends the lease, optionally reporting progress and a new lease length (nulls leave them).
   *
   * @return when the lease now expires
   * @throws LeaseLostException the lease is no longer this worker's
   * @throws JobCancelledException the job was cancelled
   */
  public Instant heartbeat(String jobId, String leaseToken, Double progress, Integer leaseSeconds) {
    Map<String, Object> body = new HashMap<>();
    body.put("lease_token", leaseToken);
    if (progress != null) {
      body.put("progress", progress);
    }
    if (leaseSeconds != null) {
      body.put("lease_seconds", leaseSeconds);
    }
    JsonNode r = t.json("POST", path(jobId, "heartbeat"), body, Replay.ANY_FAILURE);
    return Transport.convert(r.get("lease_expires_at"), Instant.class);
  }

  /**
   * Reports success with {@code result} (any value Jackson writes, or null).
   *
   * @throws LeaseLostException the lease is no longer this worker's: its outcome was not recorded
   * @throws JobCancelledException the job was cancelled meanwhile
   */
  public Job complete(String jobId, String leaseToken, Object result) {
    Map<String, Object> body = new HashMap<>();
    body.put("lease_token", leaseToken);
    if (result != null) {
      body.put("result", Json.MAPPER.valueToTree(result));
    }
    return Transport.convert(
        t.json("POST", path(jobId, "complete"), body, Replay.UNSENT_ONLY), Job.class);
  }

  /**
   * Reports a failed attempt; a retryable one is queued again while attempts remain.
   *
   * @throws LeaseLostException the lease is no longer this worker's
   * @throws JobCancelledException the job was cancelled meanwhile
   */
  public Job fail(String jobId, String leaseToken, String error, boolean retryable) {
    Map<String, Object> body =
        Map.of("lease_token", leaseToken, "error", error, "retryable", retryable);
    return Transport.convert(
        t.json("POST", path(jobId, "fail"), body, Replay.UNSENT_ONLY), Job.class);
  }

  private static String path(String jobId, String action) {
    return "v1/jobs/" + Transport.seg(jobId) + "/" + action;
  }
}
