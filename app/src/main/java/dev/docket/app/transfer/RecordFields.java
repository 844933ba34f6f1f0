package dev.docket.app.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.docket.domain.ApiKey;
import dev.docket.domain.Artifact;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobLease;
import dev.docket.domain.JobOutcome;
import dev.docket.domain.JobState;
import dev.docket.domain.JobStatus;
import dev.docket.domain.JobSubmission;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferRecord.ArtifactRow;
import dev.docket.ports.transfer.TransferRecord.AuditRow;
import dev.docket.ports.transfer.TransferRecord.ChunkRow;
import dev.docket.ports.transfer.TransferRecord.EventRow;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import dev.docket.ports.transfer.TransferRecord.KeyRow;
import dev.docket.ports.transfer.TransferRecord.SettingRow;
import dev.docket.ports.transfer.TransferRecord.UserRow;
import dev.docket.ports.transfer.TransferRecord.WebhookRow;
import dev.docket.ports.transfer.TransferTable;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The fields of each record type, written and read in one place so the two cannot drift. Field
 * names are the column names of the schema; an event's own type is {@code event_type}, since {@code
 * type} names the record.
 */
final class RecordFields {
  private RecordFields() {}

  static void write(JsonGenerator g, TransferRecord record) throws IOException {
    g.writeStringField("type", record.table().type());
    switch (record) {
      case UserRow r -> user(g, r.user());
      case KeyRow r -> key(g, r.key());
      case JobRow r -> job(g, r.job(), r.requestHash());
      case EventRow r -> event(g, r.event());
      case ArtifactRow r -> artifact(g, r.artifact());
      case ChunkRow r -> chunk(g, r);
      case AuditRow r -> audit(g, r.entry());
      case WebhookRow r -> webhook(g, r);
      case SettingRow r -> {
        g.writeStringField("name", r.name());
        g.writeStringField("value", r.value());
      }
    }
  }

  static TransferRecord read(TransferTable table, LineFields f) {
    return switch (table) {
      case USERS -> user(f);
      case API_KEYS -> key(f);
      case JOBS -> job(f);
      case JOB_EVENTS -> event(f);
      case ARTIFACTS -> artifact(f);
      case ARTIFACT_CHUNKS ->
          new ChunkRow(f.uuid("job_id"), f.text("name"), f.integer("chunk_no"), f.base64("data"));
      case AUDIT_LOG -> audit(f);
      case WEBHOOK_DELIVERIES -> webhook(f);
      case SETTINGS -> new SettingRow(f.text("name"), f.text("value"));
    };
  }

  private static void user(JsonGenerator g, User u) throws IOException {
    uuid(g, "id", u.id());
    g.writeStringField("name", u.name());
    g.writeStringField("email", u.email());
    g.writeArrayFieldStart("roles");
    for (Role r : u.roles().stream().sorted().toList()) {
      g.writeString(r.wire());
    }
    g.writeEndArray();
    g.writeBooleanField("active", u.active());
    instant(g, "created_at", u.createdAt());
  }

  private static UserRow user(LineFields f) {
    return new UserRow(
        new User(
            f.uuid("id"),
            f.text("name"),
            f.text("email"),
            f.roles("roles"),
            f.bool("active"),
            f.instant("created_at")));
  }

  private static void key(JsonGenerator g, ApiKey k) throws IOException {
    uuid(g, "id", k.id());
    uuid(g, "user_id", k.userId());
    g.writeStringField("name", k.name());
    g.writeStringField("key_hash", k.keyHash());
    g.writeStringField("key_prefix", k.keyPrefix());
    instant(g, "created_at", k.createdAt());
    instant(g, "last_used_at", k.lastUsedAt());
    instant(g, "expires_at", k.expiresAt());
    instant(g, "revoked_at", k.revokedAt());
  }

  private static KeyRow key(LineFields f) {
    return new KeyRow(
        new ApiKey(
            f.uuid("id"),
            f.uuid("user_id"),
            f.text("name"),
            f.text("key_hash"),
            f.text("key_prefix"),
            f.instant("created_at"),
            f.instantOrNull("last_used_at"),
            f.instantOrNull("expires_at"),
            f.instantOrNull("revoked_at")));
  }

  private static void job(JsonGenerator g, Job j, String requestHash) throws IOException {
    uuid(g, "id", j.id());
    uuid(g, "owner_id", j.ownerId());
    g.writeStringField("queue", j.queue());
    g.writeStringField("kind", j.kind());
    g.writeStringField("status", j.status().wire());
    g.writeStringField("payload", j.payload());
    g.writeStringField("metadata", j.metadata());
    g.writeStringField("result", j.result());
    g.writeStringField("error", j.error());
    g.writeNumberField("priority", j.priority());
    g.writeNumberField("attempt", j.attempt());
    g.writeNumberField("max_attempts", j.maxAttempts());
    instant(g, "run_at", j.runAt());
    instant(g, "created_at", j.createdAt());
    instant(g, "updated_at", j.updatedAt());
    instant(g, "started_at", j.startedAt());
    instant(g, "finished_at", j.finishedAt());
    g.writeNumberField("progress", j.progress());
    g.writeStringField("worker_id", j.workerId());
    uuid(g, "leased_by", j.leasedBy());
    g.writeStringField("lease_token", j.leaseToken());
    instant(g, "lease_expires_at", j.leaseExpiresAt());
    g.writeStringField("idempotency_key", j.idempotencyKey());
    g.writeStringField("request_hash", requestHash);
    g.writeStringField("webhook_url", j.webhookUrl());
    g.writeNumberField("event_count", j.eventCount());
    g.writeNumberField("version", j.version());
  }

  private static JobRow job(LineFields f) {
    Job job =
        new Job(
            new JobSubmission(
                f.uuid("id"),
                f.uuid("owner_id"),
                f.text("queue"),
                f.text("kind"),
                f.text("payload"),
                f.text("metadata"),
                f.integer("priority"),
                f.integer("max_attempts"),
                f.textOrNull("idempotency_key"),
                f.textOrNull("webhook_url"),
                f.instant("created_at")),
            new JobState(
                JobStatus.fromWire("status", f.text("status")),
                f.integer("attempt"),
                f.instant("run_at"),
                f.instantOrNull("started_at"),
                f.instant("updated_at"),
                f.decimal("progress"),
                f.number("event_count"),
                f.number("version")),
            new JobLease(
                f.textOrNull("worker_id"),
                f.uuidOrNull("leased_by"),
                f.textOrNull("lease_token"),
                f.instantOrNull("lease_expires_at")),
            new JobOutcome(
                f.textOrNull("result"), f.textOrNull("error"), f.instantOrNull("finished_at")));
    return new JobRow(job, f.textOrNull("request_hash"));
  }

  private static void event(JsonGenerator g, JobEvent e) throws IOException {
    uuid(g, "job_id", e.jobId());
    g.writeNumberField("seq", e.seq());
    g.writeStringField("event_type", e.type());
    g.writeStringField("data", e.data());
    instant(g, "at", e.at());
  }

  private static EventRow event(LineFields f) {
    return new EventRow(
        new JobEvent(
            f.uuid("job_id"),
            f.number("seq"),
            f.text("event_type"),
            f.text("data"),
            f.instant("at")));
  }

  private static void artifact(JsonGenerator g, Artifact a) throws IOException {
    uuid(g, "job_id", a.jobId());
    g.writeStringField("name", a.name());
    g.writeStringField("content_type", a.contentType());
    g.writeNumberField("size", a.size());
    g.writeStringField("sha256", a.sha256());
    instant(g, "created_at", a.createdAt());
  }

  private static ArtifactRow artifact(LineFields f) {
    return new ArtifactRow(
        new Artifact(
            f.uuid("job_id"),
            f.text("name"),
            f.text("content_type"),
            f.number("size"),
            f.text("sha256"),
            f.instant("created_at")));
  }

  private static void chunk(JsonGenerator g, ChunkRow c) throws IOException {
    uuid(g, "job_id", c.jobId());
    g.writeStringField("name", c.name());
    g.writeNumberField("chunk_no", c.chunkNo());
    g.writeStringField("data", Base64.getEncoder().encodeToString(c.data()));
  }

  private static void audit(JsonGenerator g, AuditEntry e) throws IOException {
    uuid(g, "id", e.id());
    instant(g, "at", e.at());
    g.writeStringField("actor_id", e.actorId());
    g.writeStringField("action", e.action());
    g.writeStringField("resource", e.resource());
    g.writeStringField("resource_id", e.resourceId());
    g.writeStringField("details", e.details());
    g.writeStringField("remote_addr", e.remoteAddr());
  }

  private static AuditRow audit(LineFields f) {
    return new AuditRow(
        new AuditEntry(
            f.uuid("id"),
            f.instant("at"),
            f.textOrNull("actor_id"),
            f.text("action"),
            f.text("resource"),
            f.textOrNull("resource_id"),
            f.text("details"),
            f.textOrNull("remote_addr")));
  }

  private static void webhook(JsonGenerator g, WebhookRow w) throws IOException {
    WebhookDelivery d = w.delivery();
    uuid(g, "id", d.id());
    uuid(g, "job_id", d.jobId());
    g.writeNumberField("seq", d.seq());
    g.writeStringField("url", d.url());
    g.writeStringField("event", d.event());
    g.writeStringField("body", d.body());
    g.writeStringField("status", d.status().wire());
    g.writeNumberField("attempts", d.attempts());
    if (d.lastStatusCode() == null) {
      g.writeNullField("last_status_code");
    } else {
      g.writeNumberField("last_status_code", d.lastStatusCode());
    }
    g.writeStringField("last_error", d.lastError());
    instant(g, "next_attempt_at", d.nextAttemptAt());
    instant(g, "delivered_at", d.deliveredAt());
    instant(g, "created_at", d.createdAt());
    g.writeStringField("lease_token", w.leaseToken());
    instant(g, "lease_expires_at", w.leaseExpiresAt());
  }

  private static WebhookRow webhook(LineFields f) {
    WebhookDelivery d =
        new WebhookDelivery(
            f.uuid("id"),
            f.uuid("job_id"),
            f.number("seq"),
            f.text("url"),
            f.text("event"),
            f.text("body"),
            WebhookStatus.fromWire(f.text("status")),
            f.integer("attempts"),
            f.integerOrNull("last_status_code"),
            f.textOrNull("last_error"),
            f.instant("next_attempt_at"),
            f.instantOrNull("delivered_at"),
            f.instant("created_at"));
    return new WebhookRow(d, f.textOrNull("lease_token"), f.instantOrNull("lease_expires_at"));
  }

  private static void uuid(JsonGenerator g, String name, UUID id) throws IOException {
    g.writeStringField(name, id == null ? null : id.toString());
  }

  private static void instant(JsonGenerator g, String name, Instant t) throws IOException {
    g.writeStringField(name, t == null ? null : t.toString());
  }
}
