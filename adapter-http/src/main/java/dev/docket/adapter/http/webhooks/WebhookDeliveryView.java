package dev.docket.adapter.http.webhooks;

import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A webhook delivery as listed: its outcome so far, not its body or URL (the job shows the URL).
 * {@code next_attempt_at} only while it is pending: a delivered or failed one has no next attempt.
 */
record WebhookDeliveryView(
    UUID id,
    String event,
    String status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt) {
  static WebhookDeliveryView of(WebhookDelivery d) {
    return new WebhookDeliveryView(
        d.id(),
        d.event(),
        d.status().wire(),
        d.attempts(),
        d.lastStatusCode(),
        d.lastError(),
        d.status() == WebhookStatus.PENDING ? d.nextAttemptAt() : null,
        d.deliveredAt());
  }
}
