package dev.docket.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a job's append-only log. {@code seq} is dense per job, starting at 0; {@code data}
 * is JSON text.
 */
public record JobEvent(UUID jobId, long seq, String type, String data, Instant at) {
  public static final String STATUS = "status";
  public static final String LOG = "log";
  public static final String PROGRESS = "progress";

  public JobEvent {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(at, "at");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0");
    }
    // the wire and every store keep milliseconds; an event must read back as it was made
    at = at.truncatedTo(ChronoUnit.MILLIS);
  }
}
