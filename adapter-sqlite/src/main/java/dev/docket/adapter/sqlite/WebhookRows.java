package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.adapter.sqlite.jooq.tables.records.WebhookDeliveriesRecord;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import java.util.List;
import org.jooq.DSLContext;

/** Webhook deliveries between the domain and their rows, inside the caller's transaction. */
final class WebhookRows {
  private WebhookRows() {}

  /** Adds the deliveries a transition owes, in the transaction that stores the transition. */
  static void insert(DSLContext dsl, List<WebhookDelivery> deliveries) {
    for (WebhookDelivery d : deliveries) {
      dsl.insertInto(WEBHOOK_DELIVERIES).set(toRecord(d)).execute();
    }
  }

  static WebhookDeliveriesRecord toRecord(WebhookDelivery d) {
    WebhookDeliveriesRecord r = new WebhookDeliveriesRecord();
    r.setId(Rows.text(d.id()));
    r.setJobId(Rows.text(d.jobId()));
    r.setSeq(d.seq());
    r.setUrl(d.url());
    r.setEvent(d.event());
    r.setPayload(d.body());
    r.setStatus(d.status().wire());
    r.setAttempts(d.attempts());
    r.setLastStatusCode(d.lastStatusCode());
    r.setLastError(d.lastError());
    r.setNextAttemptAt(Rows.millis(d.nextAttemptAt()));
    r.setDeliveredAt(Rows.millis(d.deliveredAt()));
    r.setCreatedAt(Rows.millis(d.createdAt()));
    return r;
  }

  static WebhookDelivery toDelivery(WebhookDeliveriesRecord r) {
    return new WebhookDelivery(
        Rows.uuid(r.getId()),
        Rows.uuid(r.getJobId()),
        r.getSeq(),
        r.getUrl(),
        r.getEvent(),
        r.getPayload(),
        WebhookStatus.fromWire(r.getStatus()),
        r.getAttempts(),
        r.getLastStatusCode(),
        r.getLastError(),
        Rows.instant(r.getNextAttemptAt()),
        Rows.instant(r.getDeliveredAt()),
        Rows.instant(r.getCreatedAt()));
  }
}
