package dev.docket.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** An API key as stored: only the hash of the secret, and its first characters to recognise it. */
public record ApiKey(
    UUID id,
    UUID userId,
    String name,
    String keyHash,
    String keyPrefix,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    Instant revokedAt) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyHash, "keyHash");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(createdAt, "createdAt");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    lastUsedAt = lastUsedAt == null ? null : lastUsedAt.truncatedTo(ChronoUnit.MILLIS);
    expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
    revokedAt = revokedAt == null ? null : revokedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Usable at {@code now}: neither revoked nor expired. */
  public boolean isUsableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
