package dev.docket.adapter.http.users;

import dev.docket.ports.usecase.NewKey;
import java.time.Instant;
import java.util.UUID;

/** A key just created: the only response that ever carries the secret. */
record NewKeyView(
    UUID id, String name, String key, String keyPrefix, Instant createdAt, Instant expiresAt) {
  static NewKeyView of(NewKey k) {
    return new NewKeyView(
        k.key().id(),
        k.key().name(),
        k.secret(),
        k.key().keyPrefix(),
        k.key().createdAt(),
        k.key().expiresAt());
  }
}
