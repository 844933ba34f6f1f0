package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.SETTINGS;
import static dev.docket.adapter.postgres.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.adapter.postgres.jooq.tables.WebhookDeliveries;
import dev.docket.adapter.postgres.jooq.tables.records.WebhookDeliveriesRecord;
import dev.docket.domain.Lease;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.WebhookClaim;
import dev.docket.ports.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * The webhook outbox on Postgres. A claim locks the due rows it picks {@code FOR UPDATE SKIP
 * LOCKED} (so concurrent claims from any instance skip each other's rows instead of waiting) and
 * writes a lease on them before committing, which keeps later claims off a delivery in flight.
 * Because Postgres re-checks the lease condition on the newest row version it locks, a claim that
 * started before another one committed never takes the same delivery.
 */
final class PostgresWebhookOutbox implements WebhookOutbox {
  static final String SECRET_SETTING = "webhook_signing_secret";
  private static final String PENDING = WebhookStatus.PENDING.wire();

  private final Db db;

  PostgresWebhookOutbox(Db db) {
    this.db = db;
  }

  @Override
  public Instant now() {
    return db.run(Db::now);
  }

  @Override
  public List<WebhookClaim> claimDue(int limit, Duration lease) {
    return db.tx(
        ctx -> {
          Instant now = Db.now(ctx);
          WebhookDeliveries d = WEBHOOK_DELIVERIES.as("d");
          WebhookDeliveries earlier = WEBHOOK_DELIVERIES.as("earlier");
          Result<WebhookDeliveriesRecord> due =
              ctx.selectFrom(d)
                  .where(d.STATUS.eq(DSL.inline(PENDING)))
                  .and(d.NEXT_ATTEMPT_AT.le(Sql.ts(now)))
                  .and(d.LEASE_EXPIRES_AT.isNull().or(d.LEASE_EXPIRES_AT.le(Sql.ts(now))))
                  .andNotExists(
                      DSL.selectOne()
                          .from(earlier)
                          .where(earlier.JOB_ID.eq(d.JOB_ID))
                          .and(earlier.STATUS.eq(DSL.inline(PENDING)))
                          .and(earlier.SEQ.lt(d.SEQ)))
                  .orderBy(d.NEXT_ATTEMPT_AT, d.SEQ, d.ID)
                  .limit(limit)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          List<WebhookClaim> claims = new ArrayList<>(due.size());
          for (WebhookDeliveriesRecord r : due) {
            String token = Lease.newToken();
            ctx.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.LEASE_TOKEN, token)
                .set(WEBHOOK_DELIVERIES.LEASE_EXPIRES_AT, Sql.ts(Lease.expiresAt(now, lease)))
                .where(WEBHOOK_DELIVERIES.ID.eq(r.getId()))
                .execute();
            claims.add(new WebhookClaim(WebhookRows.toDelivery(r), token));
          }
          return claims;
        });
  }

  @Override
  public boolean finish(WebhookDelivery attempted, String token) {
    return db.run(
        ctx ->
            ctx.update(WEBHOOK_DELIVERIES)
                    .set(WEBHOOK_DELIVERIES.STATUS, attempted.status().wire())
                    .set(WEBHOOK_DELIVERIES.ATTEMPTS, attempted.attempts())
                    .set(WEBHOOK_DELIVERIES.LAST_STATUS_CODE, attempted.lastStatusCode())
                    .set(WEBHOOK_DELIVERIES.LAST_ERROR, attempted.lastError())
                    .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, Sql.ts(attempted.nextAttemptAt()))
                    .set(WEBHOOK_DELIVERIES.DELIVERED_AT, Sql.ts(attempted.deliveredAt()))
                    .setNull(WEBHOOK_DELIVERIES.LEASE_TOKEN)
                    .setNull(WEBHOOK_DELIVERIES.LEASE_EXPIRES_AT)
                    .where(WEBHOOK_DELIVERIES.ID.eq(attempted.id()))
                    .and(WEBHOOK_DELIVERIES.LEASE_TOKEN.eq(token))
                    .and(WEBHOOK_DELIVERIES.STATUS.eq(DSL.inline(PENDING)))
                    .execute()
                == 1);
  }

  @Override
  public List<WebhookDelivery> listByJob(UUID jobId) {
    return db.run(
        ctx ->
            ctx.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.JOB_ID.eq(jobId))
                .orderBy(WEBHOOK_DELIVERIES.SEQ.desc())
                .fetch(WebhookRows::toDelivery));
  }

  @Override
  public String signingSecret(String candidate) {
    return db.tx(
        ctx -> {
          ctx.insertInto(SETTINGS, SETTINGS.NAME, SETTINGS.VALUE)
              .values(SECRET_SETTING, candidate)
              .onConflictDoNothing()
              .execute();
          return ctx.select(SETTINGS.VALUE)
              .from(SETTINGS)
              .where(SETTINGS.NAME.eq(SECRET_SETTING))
              .fetchSingle(SETTINGS.VALUE);
        });
  }
}
