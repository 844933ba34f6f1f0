package dev.docket.worker;

import java.util.Objects;

/**
 * Thrown by a {@link WorkerTransport} when the server no longer accepts calls for a lease: the job
 * was cancelled, timed out, or the lease was lost. The runtime then stops the handler and reports
 * nothing for the job.
 */
public class LeaseEndedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StopReason reason;

  /** The lease ended for {@code reason} (never {@link StopReason#SHUTDOWN}). */
  public LeaseEndedException(StopReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the lease ended. */
  public StopReason reason() {
    return reason;
  }
}
