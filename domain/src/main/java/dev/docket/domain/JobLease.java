package dev.docket.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The current or last lease: the worker, the user whose key claimed the job ({@code leasedBy}, who
 * may read the job while the lease is held), the fencing token and when the lease runs out. The
 * token stays after the lease ends so that the last holder can be told "cancelled" rather than
 * "lease lost"; only {@code expiresAt} says whether a lease is held. Every field may be null;
 * {@code leasedBy} is null without a worker.
 */
public record JobLease(String workerId, UUID leasedBy, String token, Instant expiresAt) {

  /** No lease held nor remembered. */
  public static final JobLease NONE = new JobLease(null, null, null, null);

  public JobLease {
    // a user holds a job only through one of its workers
    leasedBy = workerId == null ? null : leasedBy;
    expiresAt = Job.ms(expiresAt);
  }

  /** Whether it runs until after {@code now}. */
  boolean isHeldAt(Instant now) {
    return expiresAt != null && !isExpiredAt(now);
  }

  /** Whether {@code expiresAt} has passed at {@code now} (false when there is none). */
  boolean isExpiredAt(Instant now) {
    return Lease.isExpired(expiresAt, now);
  }

  /** The same holder until {@code expiry}. */
  JobLease extendedTo(Instant expiry) {
    return new JobLease(workerId, leasedBy, token, expiry);
  }

  /** Ended, with its holder and token remembered. */
  JobLease ended() {
    return new JobLease(workerId, leasedBy, token, null);
  }
}
