package dev.docket.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A job as the server reports it. {@code payload}, {@code metadata} and {@code result} are any JSON
 * (a JSON null, {@code isNull()}, where the job has none); {@code artifacts} is null in lists and
 * {@code leaseToken} is set only on a job just claimed. Fields the server adds later are ignored,
 * so this client keeps working against newer servers.
 */
public record Job(
    String id,
    String ownerId,
    String queue,
    String kind,
    String status,
    JsonNode payload,
    JsonNode metadata,
    JsonNode result,
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
    List<Artifact> artifacts,
    String leaseToken) {

  /** Whether the job has reached {@code succeeded}, {@code failed} or {@code cancelled}. */
  public boolean isTerminal() {
    return switch (status) {
      case "succeeded", "failed", "cancelled" -> true;
      default -> false;
    };
  }
}
