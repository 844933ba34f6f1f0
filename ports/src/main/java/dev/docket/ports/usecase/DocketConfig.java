package dev.docket.ports.usecase;

import dev.docket.domain.Backoff;
import java.time.Clock;

/** Tunables of the core; {@link #DEFAULT} follows the contract. */
public record DocketConfig(Backoff backoff, int rescueBatch, int pruneBatch, Clock clock) {
  public static final DocketConfig DEFAULT =
      new DocketConfig(Backoff.DEFAULT, 500, 500, Clock.systemUTC());

  public DocketConfig withBackoff(Backoff b) {
    return new DocketConfig(b, rescueBatch, pruneBatch, clock);
  }
}
