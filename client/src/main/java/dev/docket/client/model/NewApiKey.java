package dev.docket.client.model;

import java.time.Instant;

/** A key just created; {@code key} is the secret, shown this once only. */
public record NewApiKey(
    String id, String name, String key, String keyPrefix, Instant createdAt, Instant expiresAt) {}
