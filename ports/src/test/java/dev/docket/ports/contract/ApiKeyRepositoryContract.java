package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.ApiKey;
import dev.docket.domain.Ids;
import dev.docket.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.docket.ports.ApiKeyRepository} must have. */
public abstract class ApiKeyRepositoryContract extends StoreContract {

  private static ApiKey key(User user, String hash, Instant createdAt) {
    return new ApiKey(
        Ids.newId(createdAt),
        user.id(),
        "ci key",
        hash,
        "dk_" + hash.substring(0, 4),
        createdAt,
        null,
        null,
        null);
  }

  @Test
  void insertedKeyRoundTripsEveryField() {
    User user = insertUser();
    ApiKey key =
        new ApiKey(
            Ids.newId(),
            user.id(),
            "laptop – Zoë 🎉",
            "a3f1c9e0b7d2",
            "dk_a3f1",
            Instant.parse("2024-10-27T00:59:59.999Z"),
            Instant.parse("2024-10-28T10:00:00.001Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            null);
    store.keys().insert(key);

    assertThat(store.keys().find(key.id())).contains(key);
    assertThat(store.keys().findByHash("a3f1c9e0b7d2")).contains(key);
  }

  @Test
  void absentKeyIsEmpty() {
    assertThat(store.keys().find(UUID.randomUUID())).isEmpty();
    assertThat(store.keys().findByHash("no-such-hash")).isEmpty();
    assertThat(store.keys().listByUser(UUID.randomUUID())).isEmpty();
  }

  @Test
  void listByUserIsNewestFirstAndOnlyThatUsers() {
    User user = insertUser();
    User other = insertUser();
    ApiKey older = key(user, "hash-older", T0);
    ApiKey newer = key(user, "hash-newer", T0.plusSeconds(60));
    store.keys().insert(older);
    store.keys().insert(newer);
    store.keys().insert(key(other, "hash-other", T0));

    assertThat(store.keys().listByUser(user.id())).containsExactly(newer, older);
  }

  @Test
  void revokeMarksTheKeyOnceAndOnlyOnce() {
    User user = insertUser();
    ApiKey key = key(user, "hash-revoke", T0);
    store.keys().insert(key);
    Instant at = Instant.parse("2025-01-02T03:04:05.678Z");

    assertThat(store.keys().revoke(key.id(), at)).isTrue();
    assertThat(store.keys().revoke(key.id(), at.plusSeconds(5))).isFalse();
    assertThat(store.keys().revoke(UUID.randomUUID(), at)).isFalse();

    ApiKey found = store.keys().find(key.id()).orElseThrow();
    assertThat(found.revokedAt()).isEqualTo(at);
    assertThat(found.isUsableAt(at)).isFalse();
  }

  @Test
  void revokeAllOfRevokesOnlyTheLiveKeysOfThatUser() {
    User user = insertUser();
    User other = insertUser();
    ApiKey a = key(user, "hash-a", T0);
    ApiKey b = key(user, "hash-b", T0.plusMillis(1));
    ApiKey c = key(user, "hash-c", T0.plusMillis(2));
    ApiKey others = key(other, "hash-others", T0);
    for (ApiKey k : List.of(a, b, c, others)) {
      store.keys().insert(k);
    }
    Instant first = Instant.parse("2025-01-01T00:00:00.001Z");
    store.keys().revoke(a.id(), first);
    Instant at = Instant.parse("2025-02-01T00:00:00.002Z");

    assertThat(store.keys().revokeAllOf(user.id(), at)).isEqualTo(2);

    assertThat(store.keys().find(a.id()).orElseThrow().revokedAt()).isEqualTo(first);
    assertThat(store.keys().find(b.id()).orElseThrow().revokedAt()).isEqualTo(at);
    assertThat(store.keys().find(c.id()).orElseThrow().revokedAt()).isEqualTo(at);
    assertThat(store.keys().find(others.id()).orElseThrow().revokedAt()).isNull();
    assertThat(store.keys().revokeAllOf(user.id(), at)).isZero();
  }

  @Test
  void touchRecordsTheLastUse() {
    User user = insertUser();
    ApiKey key = key(user, "hash-touch", T0);
    store.keys().insert(key);
    Instant used = Instant.parse("2026-11-23T09:15:02.123Z");

    store.keys().touch(key.id(), used);

    ApiKey found = store.keys().find(key.id()).orElseThrow();
    assertThat(found.lastUsedAt()).isEqualTo(used);
    assertThat(found.revokedAt()).isNull();
    assertThat(found.keyHash()).isEqualTo(key.keyHash());
  }
}
