package dev.docket.ports.bench;

import java.time.Duration;

/**
 * The pace of the database under a store with nothing of Docket on top: plain prepared statements,
 * one durable commit each, on a scratch table of the probe's own in the same file or database.
 * {@code docket bench} divides what Docket reaches through HTTP by these numbers.
 *
 * <p>Each call runs {@code threads} threads for {@code duration} and answers what they did. The
 * scratch table is created on open and dropped by {@link #close()}; nothing else is touched.
 */
public interface RawCeiling extends AutoCloseable {
  /**
   * One-row inserts, each in its own transaction and commit, by {@code threads} threads at once.
   *
   * @return the rows inserted, and the latency of each insert with its commit
   */
  CeilingRun insertPerCommit(int threads, Duration duration);

  /**
   * Claim and complete a pre-filled queue: one commit to claim the oldest unclaimed row, one to
   * mark it done (two commits a job), by {@code threads} threads at once.
   *
   * @return the rows completed, and the latency of each claim-and-complete cycle
   */
  CeilingRun claimCompleteCycle(int threads, Duration duration);

  /** Drops the scratch table (and what else the probe made for itself) and closes connections. */
  @Override
  void close();
}
