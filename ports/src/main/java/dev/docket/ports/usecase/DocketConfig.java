package dev.docket.ports.usecase;

import dev.docket.domain.Backoff;
import java.time.Clock;
import java.util.Objects;

/**
 * Tunables of the core; {@link #DEFAULT} follows the contract. {@code webhookAddresses} says where
 * submitted webhook URLs may point.
 */
public record DocketConfig(
    Backoff backoff, int rescueBatch, int pruneBatch, Clock clock, AddressPolicy webhookAddresses) {
  /** Prunes 100 jobs a batch: PruneStallTest measured submit stalls of ~100 ms, ~370 ms at 500. */
  public static final DocketConfig DEFAULT =
      new DocketConfig(Backoff.DEFAULT, 500, 100, Clock.systemUTC());

  public DocketConfig {
    Objects.requireNonNull(webhookAddresses, "webhookAddresses");
  }

  /** With the default webhook address policy (public addresses only). */
  public DocketConfig(Backoff backoff, int rescueBatch, int pruneBatch, Clock clock) {
    this(backoff, rescueBatch, pruneBatch, clock, AddressPolicy.DEFAULT);
  }

  public DocketConfig withBackoff(Backoff b) {
    return new DocketConfig(b, rescueBatch, pruneBatch, clock, webhookAddresses);
  }

  public DocketConfig withWebhookAddresses(AddressPolicy policy) {
    return new DocketConfig(backoff, rescueBatch, pruneBatch, clock, policy);
  }
}
