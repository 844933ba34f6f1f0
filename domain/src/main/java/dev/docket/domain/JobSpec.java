package dev.docket.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a submitter asks for. {@code payload} and {@code metadata} are JSON text (already checked to
 * be JSON, metadata an object, by whoever parsed them); nulls take the contract's defaults.
 */
public record JobSpec(
    String kind,
    String queue,
    String payload,
    String metadata,
    Integer priority,
    Instant runAt,
    Integer maxAttempts,
    String idempotencyKey,
    String webhookUrl) {

  public static final String DEFAULT_QUEUE = "default";
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public String queueOrDefault() {
    return queue == null ? DEFAULT_QUEUE : queue;
  }

  public int maxAttemptsOrDefault() {
    return maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
  }

  /** Every broken rule, each field prefixed with {@code prefix} ("" for none). */
  public List<FieldError> validate(String prefix) {
    List<FieldError> errors = new ArrayList<>();
    Rules.kind(prefix + "kind", kind, errors);
    Rules.queue(prefix + "queue", queueOrDefault(), errors);
    Rules.maxAttempts(prefix + "max_attempts", maxAttemptsOrDefault(), errors);
    Rules.idempotencyKey(prefix + "idempotency_key", idempotencyKey, errors);
    Rules.webhookUrl(prefix + "webhook_url", webhookUrl, errors);
    if (metadata != null && !metadata.stripLeading().startsWith("{")) {
      errors.add(new FieldError(prefix + "metadata", "must be a JSON object"));
    }
    if (runAt != null && runAt.isAfter(Instant.parse("9999-12-31T23:59:59.999Z"))) {
      errors.add(new FieldError(prefix + "run_at", "must be before the year 10000"));
    }
    return errors;
  }
}
