package dev.docket.worker;

/** Why a running handler is asked to stop (see {@link JobContext#stopReason()}). */
public enum StopReason {
  /** The job was cancelled; no outcome is reported. */
  CANCELLED,
  /** The attempt ran past the job's timeout and the server ended it; no outcome is reported. */
  TIMED_OUT,
  /** The lease is no longer this worker's (expired and rescued); no outcome is reported. */
  LEASE_LOST,
  /** The runtime is shutting down and the grace period is over; the job is failed as retryable. */
  SHUTDOWN
}
