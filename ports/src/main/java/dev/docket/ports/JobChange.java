package dev.docket.ports;

import dev.docket.domain.Job;
import dev.docket.domain.Transition;
import java.time.Instant;

/**
 * A rule applied to a job inside a store transaction, with the job as currently stored (locked) and
 * the store's clock. It may throw to abort the transaction; nothing is written then.
 */
@FunctionalInterface
public interface JobChange {
  Transition apply(Job current, Instant now);
}
