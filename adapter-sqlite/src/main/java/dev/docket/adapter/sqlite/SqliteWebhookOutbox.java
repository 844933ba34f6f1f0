package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.SETTINGS;
import static dev.docket.adapter.sqlite.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.adapter.sqlite.jooq.tables.WebhookDeliveries;
import dev.docket.adapter.sqlite.jooq.tables.records.WebhookDeliveriesRecord;
import dev.docket.domain.Lease;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.WebhookClaim;
import dev.docket.ports.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * The webhook outbox in SQLite. Claims run in the one write transaction of the {@link Writer}
 * ({@code BEGIN IMMEDIATE}), so a claim is exclusive across threads and processes on the file; the
 * lease it writes keeps other claims off a delivery in flight until it is finished or the lease
 * runs out.
 */
final class SqliteWebhookOutbox implements WebhookOutbox {
  static final String SECRET_SETTING = "webhook_signing_secret";
  private static final String PENDING = WebhookStatus.PENDING.wire();

  private final Writer writer;
  private final Reader reader;

  SqliteWebhookOutbox(Writer writer, Reader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public List<WebhookClaim> claimDue(int limit, Duration lease) {
    return writer.write(
        dsl -> {
          Instant now = now();
          long nowMs = now.toEpochMilli();
          WebhookDeliveries d = WEBHOOK_DELIVERIES.as("d");
          WebhookDeliveries earlier = WEBHOOK_DELIVERIES.as("earlier");
          List<WebhookDeliveriesRecord> due =
              dsl.selectFrom(d)
                  .where(d.STATUS.eq(DSL.inline(PENDING)))
                  .and(d.NEXT_ATTEMPT_AT.le(nowMs))
                  .and(d.LEASE_EXPIRES_AT.isNull().or(d.LEASE_EXPIRES_AT.le(nowMs)))
                  .andNotExists(
                      DSL.selectOne()
                          .from(earlier)
                          .where(earlier.JOB_ID.eq(d.JOB_ID))
                          .and(earlier.STATUS.eq(DSL.inline(PENDING)))
                          .and(earlier.SEQ.lt(d.SEQ)))
                  .orderBy(d.NEXT_ATTEMPT_AT, d.SEQ, d.ID)
                  .limit(limit)
                  .fetch();
          long expires = Rows.millis(Lease.expiresAt(now, lease));
          List<WebhookClaim> claims = new ArrayList<>(due.size());
          for (WebhookDeliveriesRecord r : due) {
            String token = Lease.newToken();
            dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.LEASE_TOKEN, token)
                .set(WEBHOOK_DELIVERIES.LEASE_EXPIRES_AT, expires)
                .where(WEBHOOK_DELIVERIES.ID.eq(r.getId()))
                .execute();
            claims.add(new WebhookClaim(WebhookRows.toDelivery(r), token));
          }
          return claims;
        });
  }

  @Override
  public boolean finish(WebhookDelivery attempted, String token) {
    WebhookDeliveriesRecord r = WebhookRows.toRecord(attempted);
    return writer.write(
        dsl ->
            dsl.update(WEBHOOK_DELIVERIES)
                    .set(WEBHOOK_DELIVERIES.STATUS, r.getStatus())
                    .set(WEBHOOK_DELIVERIES.ATTEMPTS, r.getAttempts())
                    .set(WEBHOOK_DELIVERIES.LAST_STATUS_CODE, r.getLastStatusCode())
                    .set(WEBHOOK_DELIVERIES.LAST_ERROR, r.getLastError())
                    .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, r.getNextAttemptAt())
                    .set(WEBHOOK_DELIVERIES.DELIVERED_AT, r.getDeliveredAt())
                    .setNull(WEBHOOK_DELIVERIES.LEASE_TOKEN)
                    .setNull(WEBHOOK_DELIVERIES.LEASE_EXPIRES_AT)
                    .where(WEBHOOK_DELIVERIES.ID.eq(r.getId()))
                    .and(WEBHOOK_DELIVERIES.LEASE_TOKEN.eq(token))
                    .and(WEBHOOK_DELIVERIES.STATUS.eq(DSL.inline(PENDING)))
                    .execute()
                == 1);
  }

  @Override
  public List<WebhookDelivery> listByJob(UUID jobId) {
    return reader.read(
        dsl ->
            dsl.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.JOB_ID.eq(Rows.text(jobId)))
                .orderBy(WEBHOOK_DELIVERIES.SEQ.desc())
                .fetch(WebhookRows::toDelivery));
  }

  @Override
  public String signingSecret(String candidate) {
    return writer.write(
        dsl -> {
          dsl.insertInto(SETTINGS, SETTINGS.NAME, SETTINGS.VALUE)
              .values(SECRET_SETTING, candidate)
              .onConflictDoNothing()
              .execute();
          return dsl.select(SETTINGS.VALUE)
              .from(SETTINGS)
              .where(SETTINGS.NAME.eq(SECRET_SETTING))
              .fetchSingle(SETTINGS.VALUE);
        });
  }
}
