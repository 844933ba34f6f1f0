package dev.docket.adapter.http.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A submit body; {@code payload} and {@code metadata} are any JSON, kept as text. */
record JobRequest(
    String kind,
    String queue,
    JsonNode payload,
    JsonNode metadata,
    Integer priority,
    Instant runAt,
    Integer maxAttempts,
    String idempotencyKey,
    String webhookUrl) {}
