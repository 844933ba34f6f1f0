package dev.docket.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What is fixed when a job is submitted and never changes afterwards. {@code payload} and {@code
 * metadata} are JSON text; {@code idempotencyKey} and {@code webhookUrl} may be null.
 */
public record JobSubmission(
    UUID id,
    UUID ownerId,
    String queue,
    String kind,
    String payload,
    String metadata,
    int priority,
    int maxAttempts,
    String idempotencyKey,
    String webhookUrl,
    Instant createdAt) {

  public JobSubmission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(createdAt, "createdAt");
    createdAt = Job.ms(createdAt);
  }

  /** A valid {@code spec} with its defaults filled in. */
  static JobSubmission of(UUID id, UUID ownerId, JobSpec spec, Instant now) {
    return new JobSubmission(
        id,
        ownerId,
        spec.queueOrDefault(),
        spec.kind(),
        spec.payload() == null ? "{}" : spec.payload(),
        spec.metadata() == null ? "{}" : spec.metadata(),
        spec.priority() == null ? 0 : spec.priority(),
        spec.maxAttemptsOrDefault(),
        spec.idempotencyKey(),
        spec.webhookUrl(),
        now);
  }
}
