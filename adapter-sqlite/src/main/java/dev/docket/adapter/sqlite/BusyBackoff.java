package dev.docket.adapter.sqlite;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retry pacing while the database is busy: jittered exponential pauses (so that competing processes
 * do not retry in lock-step) until a deadline, the operation's busy budget.
 */
final class BusyBackoff {
  private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(2).toNanos();
  private static final long MAX_PAUSE_NANOS = Duration.ofMillis(100).toNanos();

  private final long deadline;
  private int attempt;

  BusyBackoff(Duration budget) {
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  long remainingNanos() {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * Sleeps before the next attempt.
   *
   * @return false when the budget is spent and the caller must give up
   */
  boolean pause() {
    long remaining = remainingNanos();
    if (remaining == 0) {
      return false;
    }
    long cap = Math.min(MAX_PAUSE_NANOS, FIRST_PAUSE_NANOS << Math.min(attempt++, 10));
    long pause = Math.min(remaining, cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    try {
      Thread.sleep(Duration.ofNanos(pause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }
}
