package dev.docket.ports;

import java.util.List;
import java.util.Objects;

/**
 * Which jobs a claim may take: queued jobs of {@code queue} with {@code run_at <= now}, of one of
 * {@code kinds} when that is not empty, at most {@code limit}; ordered by {@code preferKind} first
 * (when given), then higher priority, earlier {@code run_at}, older id.
 */
public record ClaimQuery(String queue, int limit, List<String> kinds, String preferKind) {
  public ClaimQuery {
    Objects.requireNonNull(queue, "queue");
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
  }
}
