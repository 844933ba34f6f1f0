package dev.docket.client.model;

import java.time.Instant;

/** A key as listed: never its secret. Null times mean "never" or "not yet". */
public record ApiKey(
    String id,
    String name,
    String keyPrefix,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    Instant revokedAt) {}
