package dev.docket.worker;

import java.util.Objects;

/**
 * A job as a worker holds it after a claim.
 *
 * @param id the job's id
 * @param kind the job's kind
 * @param queue the queue it was claimed from
 * @param payload the payload as JSON text
 * @param attempt 1 for the first attempt
 * @param leaseToken the token that proves the lease in every later call
 */
public record ClaimedJob(
    String id, String kind, String queue, String payload, int attempt, String leaseToken) {
  public ClaimedJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(leaseToken, "leaseToken");
  }
}
