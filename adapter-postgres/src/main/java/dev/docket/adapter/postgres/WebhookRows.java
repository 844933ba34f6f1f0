package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.adapter.postgres.jooq.tables.records.WebhookDeliveriesRecord;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Webhook deliveries between the domain and their rows, inside the caller's transaction. */
final class WebhookRows {
  private WebhookRows() {}

  /** Adds the deliveries transitions owe, in the transaction that stores those transitions. */
  static void insert(DSLContext ctx, List<WebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    var insert = ctx.insertInto(WEBHOOK_DELIVERIES).set(values(deliveries.get(0)));
    for (WebhookDelivery d : deliveries.subList(1, deliveries.size())) {
      insert = insert.newRecord().set(values(d));
    }
    insert.execute();
  }

  private static Map<Field<?>, Object> values(WebhookDelivery d) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(WEBHOOK_DELIVERIES.ID, d.id());
    v.put(WEBHOOK_DELIVERIES.JOB_ID, d.jobId());
    v.put(WEBHOOK_DELIVERIES.SEQ, d.seq());
    v.put(WEBHOOK_DELIVERIES.URL, d.url());
    v.put(WEBHOOK_DELIVERIES.EVENT, d.event());
    // json, not jsonb: the signed body must come back byte for byte
    v.put(WEBHOOK_DELIVERIES.PAYLOAD, Sql.json(d.body()));
    v.put(WEBHOOK_DELIVERIES.STATUS, d.status().wire());
    v.put(WEBHOOK_DELIVERIES.ATTEMPTS, d.attempts());
    v.put(WEBHOOK_DELIVERIES.LAST_STATUS_CODE, d.lastStatusCode());
    v.put(WEBHOOK_DELIVERIES.LAST_ERROR, d.lastError());
    v.put(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, Sql.ts(d.nextAttemptAt()));
    v.put(WEBHOOK_DELIVERIES.DELIVERED_AT, Sql.ts(d.deliveredAt()));
    v.put(WEBHOOK_DELIVERIES.CREATED_AT, Sql.ts(d.createdAt()));
    return v;
  }

  static WebhookDelivery toDelivery(WebhookDeliveriesRecord r) {
    return new WebhookDelivery(
        r.getId(),
        r.getJobId(),
        r.getSeq(),
        r.getUrl(),
        r.getEvent(),
        Sql.text(r.getPayload()),
        WebhookStatus.fromWire(r.getStatus()),
        r.getAttempts(),
        r.getLastStatusCode(),
        r.getLastError(),
        Sql.instant(r.getNextAttemptAt()),
        Sql.instant(r.getDeliveredAt()),
        Sql.instant(r.getCreatedAt()));
  }
}
