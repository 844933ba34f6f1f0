package dev.docket.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client repeats a call that could not be answered: exponential backoff from {@code
 * initialDelay}, doubling up to {@code maxDelay}, each delay drawn at random from its upper half
 * (jitter, so many clients that lost the same server do not return in step), and a server's {@code
 * Retry-After} honoured when it asks for longer. No retry starts once {@code budget} (counted from
 * the first attempt) would be exceeded; the last failure is then thrown.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, Duration budget) {
  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(budget, "budget");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || budget.isNegative()) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay and budget >= 0");
    }
  }

  /** 200 ms doubling up to 5 s, for at most 30 s in all. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** Never retry: every failure is thrown at once. */
  public static RetryPolicy none() {
    return new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** The same policy with another total budget. */
  public RetryPolicy withBudget(Duration budget) {
    return new RetryPolicy(initialDelay, maxDelay, budget);
  }

  /** The delay before retry number {@code retry} (0 for the first), jittered. */
  Duration delay(int retry) {
    long max = maxDelay.toMillis();
    long base = Math.min(max, initialDelay.toMillis() << Math.min(retry, 30));
    if (base <= 1) {
      return Duration.ofMillis(base);
    }
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(base / 2, base + 1));
  }
}
