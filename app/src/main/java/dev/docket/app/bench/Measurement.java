package dev.docket.app.bench;

import java.time.Duration;

/**
 * What one timed run did.
 *
 * @param operations jobs submitted or completed, or requests answered
 * @param elapsed from the start to the end of the last counted operation
 * @param p50 median latency of one request
 * @param p99 99th percentile latency of one request
 * @param cpuCores process CPU time divided by wall time (the load generator included when the
 *     server runs in-process); negative when unknown
 * @param rssBytes the process's resident set at the end; negative when unknown
 */
record Measurement(
    long operations, Duration elapsed, Duration p50, Duration p99, double cpuCores, long rssBytes) {

  double perSecond() {
    long nanos = elapsed.toNanos();
    return nanos <= 0 ? 0 : operations * 1e9 / nanos;
  }
}
