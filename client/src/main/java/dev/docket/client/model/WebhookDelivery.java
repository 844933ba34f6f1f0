package dev.docket.client.model;

import java.time.Instant;

/** One webhook delivery of a job: {@code pending}, {@code delivered} or {@code failed}. */
public record WebhookDelivery(
    String id,
    String event,
    String status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt) {}
