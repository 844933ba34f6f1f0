package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.API_KEYS;

import dev.docket.domain.ApiKey;
import dev.docket.ports.ApiKeyRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;

/** API keys on Postgres, found by the hash of their secret. */
final class PostgresApiKeyRepository implements ApiKeyRepository {
  private final Db db;

  PostgresApiKeyRepository(Db db) {
    this.db = db;
  }

  @Override
  public void insert(ApiKey key) {
    db.run(
        ctx ->
            ctx.insertInto(API_KEYS)
                .set(API_KEYS.ID, key.id())
                .set(API_KEYS.USER_ID, key.userId())
                .set(API_KEYS.NAME, key.name())
                .set(API_KEYS.KEY_HASH, key.keyHash())
                .set(API_KEYS.KEY_PREFIX, key.keyPrefix())
                .set(API_KEYS.CREATED_AT, Sql.ts(key.createdAt()))
                .set(API_KEYS.LAST_USED_AT, Sql.ts(key.lastUsedAt()))
                .set(API_KEYS.EXPIRES_AT, Sql.ts(key.expiresAt()))
                .set(API_KEYS.REVOKED_AT, Sql.ts(key.revokedAt()))
                .execute());
  }

  @Override
  public Optional<ApiKey> find(UUID id) {
    return db.run(
        ctx ->
            ctx.selectFrom(API_KEYS)
                .where(API_KEYS.ID.eq(id))
                .fetchOptional(PostgresApiKeyRepository::toKey));
  }

  @Override
  public Optional<ApiKey> findByHash(String keyHash) {
    return db.run(
        ctx ->
            ctx.selectFrom(API_KEYS)
                .where(API_KEYS.KEY_HASH.eq(keyHash))
                .fetchOptional(PostgresApiKeyRepository::toKey));
  }

  @Override
  public List<ApiKey> listByUser(UUID userId) {
    return db.run(
        ctx ->
            ctx.selectFrom(API_KEYS)
                .where(API_KEYS.USER_ID.eq(userId))
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc())
                .fetch(PostgresApiKeyRepository::toKey));
  }

  @Override
  public boolean revoke(UUID id, Instant at) {
    return db.run(
            ctx ->
                ctx.update(API_KEYS)
                    .set(API_KEYS.REVOKED_AT, Sql.ts(at))
                    .where(API_KEYS.ID.eq(id))
                    .and(API_KEYS.REVOKED_AT.isNull())
                    .execute())
        == 1;
  }

  @Override
  public int revokeAllOf(UUID userId, Instant at) {
    return db.run(
        ctx ->
            ctx.update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, Sql.ts(at))
                .where(API_KEYS.USER_ID.eq(userId))
                .and(API_KEYS.REVOKED_AT.isNull())
                .execute());
  }

  @Override
  public void touch(UUID id, Instant at) {
    db.run(
        ctx ->
            ctx.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, Sql.ts(at))
                .where(API_KEYS.ID.eq(id))
                .execute());
  }

  private static ApiKey toKey(Record r) {
    return new ApiKey(
        r.get(API_KEYS.ID),
        r.get(API_KEYS.USER_ID),
        r.get(API_KEYS.NAME),
        r.get(API_KEYS.KEY_HASH),
        r.get(API_KEYS.KEY_PREFIX),
        Sql.instant(r.get(API_KEYS.CREATED_AT)),
        Sql.instant(r.get(API_KEYS.LAST_USED_AT)),
        Sql.instant(r.get(API_KEYS.EXPIRES_AT)),
        Sql.instant(r.get(API_KEYS.REVOKED_AT)));
  }
}
