package dev.docket.adapter.http.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.docket.adapter.http.artifacts.ArtifactView;
import dev.docket.domain.Job;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job on the wire. {@code artifacts} only on single-job responses, {@code leaseToken} only on
 * freshly claimed jobs; the lease holder's user, the row version and the request hash never leave
 * the server.
 */
public record JobView(
    UUID id,
    UUID ownerId,
    String queue,
    String kind,
    String status,
    @JsonRawValue String payload,
    @JsonRawValue String metadata,
    @JsonRawValue String result,
    String error,
    int priority,
    int attempt,
    int maxAttempts,
    Instant runAt,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant finishedAt,
    double progress,
    String workerId,
    Instant leaseExpiresAt,
    String idempotencyKey,
    String webhookUrl,
    long eventCount,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ArtifactView> artifacts,
    @JsonInclude(JsonInclude.Include.NON_NULL) String leaseToken) {

  /** In a list: no artifacts, no token. */
  static JobView brief(Job j) {
    return of(j, null, null);
  }

  public static JobView of(Job j, List<ArtifactView> artifacts, String leaseToken) {
    return new JobView(
        j.id(),
        j.ownerId(),
        j.queue(),
        j.kind(),
        j.status().wire(),
        j.payload(),
        j.metadata(),
        j.result(),
        j.error(),
        j.priority(),
        j.attempt(),
        j.maxAttempts(),
        j.runAt(),
        j.createdAt(),
        j.updatedAt(),
        j.startedAt(),
        j.finishedAt(),
        j.progress(),
        j.workerId(),
        j.leaseExpiresAt(),
        j.idempotencyKey(),
        j.webhookUrl(),
        j.eventCount(),
        artifacts,
        leaseToken);
  }
}
