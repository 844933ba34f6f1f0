package dev.docket.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Retry delay: {@code base * 2^(attempt-1)}, then ±{@code jitter} (a fraction), capped at {@code
 * cap}. The contract's default is 2 s doubling, ±25 %, at most 1 h.
 */
public record Backoff(Duration base, Duration cap, double jitter) {
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(2), Duration.ofHours(1), 0.25);

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || cap.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= cap");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /** The delay before the next run after {@code attempt} (1 = the first attempt) failed. */
  public Duration delay(int attempt, RandomGenerator random) {
    int doublings = Math.max(0, Math.min(attempt - 1, 40));
    double nominal = Math.min(base.toMillis() * Math.pow(2, doublings), cap.toMillis());
    double factor = jitter == 0 ? 1 : 1 + jitter * (2 * random.nextDouble() - 1);
    long millis = Math.round(Math.min(nominal * factor, cap.toMillis()));
    return Duration.ofMillis(Math.max(0, millis));
  }
}
