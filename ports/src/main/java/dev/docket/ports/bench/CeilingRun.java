package dev.docket.ports.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link RawCeiling} measurement did.
 *
 * @param operations rows inserted, or jobs claimed and completed
 * @param elapsed from the start of the threads to the end of the last one
 * @param p50 the median latency of one operation (with its commits)
 * @param p99 the 99th percentile of it
 */
public record CeilingRun(long operations, Duration elapsed, Duration p50, Duration p99) {
  public CeilingRun {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p99, "p99");
    if (operations < 0) {
      throw new IllegalArgumentException("operations must not be negative");
    }
  }

  /** Operations a second over the elapsed time; 0 when no time passed. */
  public double perSecond() {
    long nanos = elapsed.toNanos();
    return nanos <= 0 ? 0 : operations * 1e9 / nanos;
  }
}
