package dev.docket.client;

import java.util.List;
import java.util.Objects;

/**
 * A claim request; null fields take the server's defaults (1 job, a 60 s lease, no waiting).
 *
 * @param workerId names the worker in the job (required)
 * @param limit 1-100 jobs at most
 * @param leaseSeconds 5-3600
 * @param kinds only these kinds, or null for any
 * @param preferKind jobs of this kind first
 * @param waitSeconds 0-30: long-poll until a job is claimable or the time is up
 */
public record Claim(
    String workerId,
    Integer limit,
    Integer leaseSeconds,
    List<String> kinds,
    String preferKind,
    Integer waitSeconds) {
  public Claim {
    Objects.requireNonNull(workerId, "workerId");
  }

  /** One job with the default lease, answered at once. */
  public static Claim by(String workerId) {
    return new Claim(workerId, null, null, null, null, null);
  }

  /** At most this many jobs (1-100). */
  public Claim withLimit(int limit) {
    return new Claim(workerId, limit, leaseSeconds, kinds, preferKind, waitSeconds);
  }

  /** Leases of this many seconds (5-3600). */
  public Claim withLeaseSeconds(int leaseSeconds) {
    return new Claim(workerId, limit, leaseSeconds, kinds, preferKind, waitSeconds);
  }

  /** Only jobs of these kinds. */
  public Claim withKinds(String... kinds) {
    return new Claim(workerId, limit, leaseSeconds, List.of(kinds), preferKind, waitSeconds);
  }

  /** Jobs of this kind first. */
  public Claim withPreferKind(String preferKind) {
    return new Claim(workerId, limit, leaseSeconds, kinds, preferKind, waitSeconds);
  }

  /** Waits up to this many seconds (0-30) for a claimable job. */
  public Claim withWaitSeconds(int waitSeconds) {
    return new Claim(workerId, limit, leaseSeconds, kinds, preferKind, waitSeconds);
  }
}
