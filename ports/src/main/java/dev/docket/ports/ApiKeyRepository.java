package dev.docket.ports;

import dev.docket.domain.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys, stored by the hash of their secret. */
public interface ApiKeyRepository {
  void insert(ApiKey key);

  Optional<ApiKey> find(UUID id);

  Optional<ApiKey> findByHash(String keyHash);

  /** A user's keys, newest first. */
  List<ApiKey> listByUser(UUID userId);

  /**
   * @return false when the key does not exist or was already revoked
   */
  boolean revoke(UUID id, Instant at);

  /** Revokes every live key of the user; returns how many. */
  int revokeAllOf(UUID userId, Instant at);

  /** Records that the key was used at {@code at}. */
  void touch(UUID id, Instant at);
}
