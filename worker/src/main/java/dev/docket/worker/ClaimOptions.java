package dev.docket.worker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One claim call of the runtime.
 *
 * @param queue the queue to claim from
 * @param workerId names the worker in the job
 * @param limit at most this many jobs (the free slots, 1 to 100)
 * @param lease the lease length asked for
 * @param kinds only these kinds, or empty for any
 * @param preferKind jobs of this kind first, or null
 * @param waitTime how long the server may hold the call for a claimable job (long-poll)
 */
public record ClaimOptions(
    String queue,
    String workerId,
    int limit,
    Duration lease,
    List<String> kinds,
    String preferKind,
    Duration waitTime) {
  public ClaimOptions {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(waitTime, "waitTime");
    kinds = List.copyOf(kinds);
  }
}
