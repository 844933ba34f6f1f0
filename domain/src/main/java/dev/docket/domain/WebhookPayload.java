package dev.docket.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The body of a {@code job.status} webhook: {@code {"event":"job.status","job":{…}}} where the job
 * is written exactly as the HTTP API shows it (same field names, order and formats, RFC 3339 UTC
 * with milliseconds), without artifacts. Payload, metadata and result are JSON text already and go
 * in as they are.
 */
public final class WebhookPayload {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private WebhookPayload() {}

  public static String jobStatus(Job job) {
    return "{\"event\":" + Json.quote(WebhookDelivery.JOB_STATUS) + ",\"job\":" + job(job) + "}";
  }

  /** The job's JSON as the HTTP API writes it (minus artifacts). */
  public static String job(Job j) {
    StringBuilder b = new StringBuilder(512 + j.payload().length() + j.metadata().length());
    b.append('{');
    field(b, "id", Json.quote(j.id().toString()));
    field(b, "owner_id", Json.quote(j.ownerId().toString()));
    field(b, "queue", Json.quote(j.queue()));
    field(b, "kind", Json.quote(j.kind()));
    field(b, "status", Json.quote(j.status().wire()));
    field(b, "payload", j.payload());
    field(b, "metadata", j.metadata());
    field(b, "result", j.result() == null ? "null" : j.result());
    field(b, "error", Json.quote(j.error()));
    field(b, "priority", Integer.toString(j.priority()));
    field(b, "attempt", Integer.toString(j.attempt()));
    field(b, "max_attempts", Integer.toString(j.maxAttempts()));
    field(b, "run_at", time(j.runAt()));
    field(b, "created_at", time(j.createdAt()));
    field(b, "updated_at", time(j.updatedAt()));
    field(b, "started_at", time(j.startedAt()));
    field(b, "finished_at", time(j.finishedAt()));
    // a double like the API's (0.0, 42.5): Jackson writes doubles the way Double.toString does
    field(b, "progress", Double.toString(j.progress()));
    field(b, "worker_id", Json.quote(j.workerId()));
    field(b, "lease_expires_at", time(j.leaseExpiresAt()));
    field(b, "idempotency_key", Json.quote(j.idempotencyKey()));
    field(b, "webhook_url", Json.quote(j.webhookUrl()));
    field(b, "event_count", Long.toString(j.eventCount()));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String json) {
    b.append('"').append(name).append("\":").append(json).append(',');
  }

  private static String time(Instant t) {
    return t == null ? "null" : Json.quote(TIME.format(t));
  }
}
