package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.API_KEYS;

import dev.docket.adapter.sqlite.jooq.tables.records.ApiKeysRecord;
import dev.docket.domain.ApiKey;
import dev.docket.ports.ApiKeyRepository;
import dev.docket.ports.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;

/** API keys in SQLite, found by the hash of their secret. */
final class SqliteApiKeyRepository implements ApiKeyRepository {
  private final Writer writer;
  private final Reader reader;

  SqliteApiKeyRepository(Writer writer, Reader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public void insert(ApiKey key) {
    writer.write(
        dsl -> {
          try {
            return dsl.insertInto(API_KEYS).set(toRecord(key)).execute();
          } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new ConflictException("an API key with this hash or id exists");
            }
            throw e;
          }
        });
  }

  @Override
  public Optional<ApiKey> find(UUID id) {
    return findWhere(API_KEYS.ID.eq(Rows.text(id)));
  }

  @Override
  public Optional<ApiKey> findByHash(String keyHash) {
    return findWhere(API_KEYS.KEY_HASH.eq(keyHash));
  }

  private Optional<ApiKey> findWhere(Condition c) {
    return Optional.ofNullable(reader.read(dsl -> dsl.selectFrom(API_KEYS).where(c).fetchOne()))
        .map(SqliteApiKeyRepository::toKey);
  }

  @Override
  public List<ApiKey> listByUser(UUID userId) {
    return reader.read(
        dsl ->
            dsl.selectFrom(API_KEYS)
                .where(API_KEYS.USER_ID.eq(Rows.text(userId)))
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc())
                .fetch(SqliteApiKeyRepository::toKey));
  }

  @Override
  public boolean revoke(UUID id, Instant at) {
    return revokeWhere(API_KEYS.ID.eq(Rows.text(id)), at) == 1;
  }

  @Override
  public int revokeAllOf(UUID userId, Instant at) {
    return revokeWhere(API_KEYS.USER_ID.eq(Rows.text(userId)), at);
  }

  private int revokeWhere(Condition c, Instant at) {
    return writer.write(
        dsl ->
            dsl.update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, Rows.millis(at))
                .where(c)
                .and(API_KEYS.REVOKED_AT.isNull())
                .execute());
  }

  @Override
  public void touch(UUID id, Instant at) {
    writer.write(
        dsl ->
            dsl.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, Rows.millis(at))
                .where(API_KEYS.ID.eq(Rows.text(id)))
                .execute());
  }

  private static ApiKeysRecord toRecord(ApiKey k) {
    ApiKeysRecord r = new ApiKeysRecord();
    r.setId(Rows.text(k.id()));
    r.setUserId(Rows.text(k.userId()));
    r.setName(k.name());
    r.setKeyHash(k.keyHash());
    r.setKeyPrefix(k.keyPrefix());
    r.setCreatedAt(Rows.millis(k.createdAt()));
    r.setLastUsedAt(Rows.millis(k.lastUsedAt()));
    r.setExpiresAt(Rows.millis(k.expiresAt()));
    r.setRevokedAt(Rows.millis(k.revokedAt()));
    return r;
  }

  private static ApiKey toKey(ApiKeysRecord r) {
    return new ApiKey(
        Rows.uuid(r.getId()),
        Rows.uuid(r.getUserId()),
        r.getName(),
        r.getKeyHash(),
        r.getKeyPrefix(),
        Rows.instant(r.getCreatedAt()),
        Rows.instant(r.getLastUsedAt()),
        Rows.instant(r.getExpiresAt()),
        Rows.instant(r.getRevokedAt()));
  }
}
