package dev.docket.ports;

import dev.docket.domain.Transition;
import java.util.Objects;

/**
 * A job to insert with its creation event, and a fingerprint of the request that made it (so that a
 * replay with the same idempotency key can be told apart from a different request).
 */
public record NewJob(Transition creation, String requestHash) {
  public NewJob {
    Objects.requireNonNull(creation, "creation");
  }
}
