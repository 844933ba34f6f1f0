package dev.docket.adapter.http.users;

import dev.docket.domain.ApiKey;
import java.time.Instant;
import java.util.UUID;

/** A key as listed: never its secret or hash. */
record KeyView(
    UUID id,
    String name,
    String keyPrefix,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    Instant revokedAt) {
  static KeyView of(ApiKey k) {
    return new KeyView(
        k.id(),
        k.name(),
        k.keyPrefix(),
        k.createdAt(),
        k.lastUsedAt(),
        k.expiresAt(),
        k.revokedAt());
  }
}
