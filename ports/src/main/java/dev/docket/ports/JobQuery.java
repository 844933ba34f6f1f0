package dev.docket.ports;

import dev.docket.domain.JobStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filters of a job list; null means "any". {@code since} is inclusive and {@code until} exclusive,
 * both on {@code created_at}. {@code afterId} is the last id of the previous page: the list is
 * newest first (id descending), so the next page holds ids below it.
 */
public record JobQuery(
    UUID ownerId,
    Set<JobStatus> statuses,
    String queue,
    String kind,
    Instant since,
    Instant until,
    UUID afterId,
    int limit) {
  public JobQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
  }
}
