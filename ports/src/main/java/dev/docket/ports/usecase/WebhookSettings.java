package dev.docket.ports.usecase;

import dev.docket.domain.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are retried: {@code backoff} between failed attempts, given up {@code giveUpAfter}
 * the delivery was created, each attempt leased for {@code lease} (longer than a request may take,
 * so that a lease only runs out when its sender died), at most {@code batch} deliveries claimed at
 * once.
 */
public record WebhookSettings(Backoff backoff, Duration giveUpAfter, Duration lease, int batch) {
  /** 5 s doubling up to 1 h with ±25 % jitter, for 24 h; 60 s leases; 50 at a time. */
  public static final WebhookSettings DEFAULT =
      new WebhookSettings(
          new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0.25),
          Duration.ofHours(24),
          Duration.ofSeconds(60),
          50);

  public WebhookSettings {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    Objects.requireNonNull(lease, "lease");
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1");
    }
  }
}
