package dev.docket.domain;

import java.time.Instant;

/**
 * How the last attempt ended: the worker's {@code result} (JSON text), the last {@code error} (kept
 * while a failed job waits for its retry) and when the job finished. Every field may be null.
 */
public record JobOutcome(String result, String error, Instant finishedAt) {

  /** Nothing has ended yet. */
  public static final JobOutcome NONE = new JobOutcome(null, null, null);

  public JobOutcome {
    finishedAt = Job.ms(finishedAt);
  }

  static JobOutcome succeeded(String result, Instant now) {
    return new JobOutcome(result, null, now);
  }

  /** Failed for good at {@code now}, or for now when {@code now} is null (a retry follows). */
  static JobOutcome failed(String error, Instant now) {
    return new JobOutcome(null, error, now);
  }

  /** Stopped at {@code now} with what it had. */
  JobOutcome finishedAt(Instant now) {
    return new JobOutcome(result, error, now);
  }
}
