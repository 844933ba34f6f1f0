package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.API_KEYS;
import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.postgres.jooq.Tables.AUDIT_LOG;
import static dev.docket.adapter.postgres.jooq.Tables.JOBS;
import static dev.docket.adapter.postgres.jooq.Tables.JOB_EVENTS;
import static dev.docket.adapter.postgres.jooq.Tables.SETTINGS;
import static dev.docket.adapter.postgres.jooq.Tables.USERS;
import static dev.docket.adapter.postgres.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.docket.domain.ApiKey;
import dev.docket.domain.Artifact;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.transfer.TransferRecord.ArtifactRow;
import dev.docket.ports.transfer.TransferRecord.AuditRow;
import dev.docket.ports.transfer.TransferRecord.EventRow;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import dev.docket.ports.transfer.TransferRecord.KeyRow;
import dev.docket.ports.transfer.TransferRecord.SettingRow;
import dev.docket.ports.transfer.TransferRecord.UserRow;
import dev.docket.ports.transfer.TransferRecord.WebhookRow;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Rows of every table as transfer records and back, every column included (a job's {@code
 * request_hash}, a delivery's lease). Encodings are those of {@link Sql}; JSON columns keep their
 * exact text; roles as the user repository keeps them.
 */
final class TransferRows {
  private TransferRows() {}

  static UserRow user(Record r) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    String text = r.get(USERS.ROLES);
    if (!text.isEmpty()) {
      for (String role : text.split(",")) {
        roles.add(Role.fromWire("roles", role));
      }
    }
    return new UserRow(
        new User(
            r.get(USERS.ID),
            r.get(USERS.NAME),
            r.get(USERS.EMAIL),
            roles,
            r.get(USERS.ACTIVE),
            Sql.instant(r.get(USERS.CREATED_AT))));
  }

  static Map<Field<?>, Object> user(User u) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(USERS.ID, u.id());
    v.put(USERS.NAME, u.name());
    v.put(USERS.EMAIL, u.email());
    v.put(
        USERS.ROLES, u.roles().stream().sorted().map(Role::wire).collect(Collectors.joining(",")));
    v.put(USERS.ACTIVE, u.active());
    v.put(USERS.CREATED_AT, Sql.ts(u.createdAt()));
    return v;
  }

  static KeyRow key(Record r) {
    return new KeyRow(
        new ApiKey(
            r.get(API_KEYS.ID),
            r.get(API_KEYS.USER_ID),
            r.get(API_KEYS.NAME),
            r.get(API_KEYS.KEY_HASH),
            r.get(API_KEYS.KEY_PREFIX),
            Sql.instant(r.get(API_KEYS.CREATED_AT)),
            Sql.instant(r.get(API_KEYS.LAST_USED_AT)),
            Sql.instant(r.get(API_KEYS.EXPIRES_AT)),
            Sql.instant(r.get(API_KEYS.REVOKED_AT))));
  }

  static Map<Field<?>, Object> key(ApiKey k) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(API_KEYS.ID, k.id());
    v.put(API_KEYS.USER_ID, k.userId());
    v.put(API_KEYS.NAME, k.name());
    v.put(API_KEYS.KEY_HASH, k.keyHash());
    v.put(API_KEYS.KEY_PREFIX, k.keyPrefix());
    v.put(API_KEYS.CREATED_AT, Sql.ts(k.createdAt()));
    v.put(API_KEYS.LAST_USED_AT, Sql.ts(k.lastUsedAt()));
    v.put(API_KEYS.EXPIRES_AT, Sql.ts(k.expiresAt()));
    v.put(API_KEYS.REVOKED_AT, Sql.ts(k.revokedAt()));
    return v;
  }

  static JobRow job(Record r) {
    return new JobRow(JobRows.toJob(r), r.get(JOBS.REQUEST_HASH));
  }

  static Map<Field<?>, Object> job(JobRow j) {
    return JobRows.insertValues(j.job(), j.requestHash());
  }

  static EventRow event(Record r) {
    return new EventRow(JobRows.toEvent(r));
  }

  static Map<Field<?>, Object> event(JobEvent e) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(JOB_EVENTS.JOB_ID, e.jobId());
    v.put(JOB_EVENTS.SEQ, e.seq());
    v.put(JOB_EVENTS.TYPE, e.type());
    v.put(JOB_EVENTS.DATA, Sql.json(e.data()));
    v.put(JOB_EVENTS.AT, Sql.ts(e.at()));
    return v;
  }

  static ArtifactRow artifact(Record r) {
    return new ArtifactRow(
        new Artifact(
            r.get(ARTIFACTS.JOB_ID),
            r.get(ARTIFACTS.NAME),
            r.get(ARTIFACTS.CONTENT_TYPE),
            r.get(ARTIFACTS.SIZE),
            r.get(ARTIFACTS.SHA256),
            Sql.instant(r.get(ARTIFACTS.CREATED_AT))));
  }

  static Map<Field<?>, Object> artifact(Artifact a, UUID blob) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(ARTIFACTS.JOB_ID, a.jobId());
    v.put(ARTIFACTS.NAME, a.name());
    v.put(ARTIFACTS.CONTENT_TYPE, a.contentType());
    v.put(ARTIFACTS.SIZE, a.size());
    v.put(ARTIFACTS.SHA256, a.sha256());
    v.put(ARTIFACTS.CREATED_AT, Sql.ts(a.createdAt()));
    v.put(ARTIFACTS.BLOB_ID, blob);
    return v;
  }

  static AuditRow audit(Record r) {
    return new AuditRow(
        new AuditEntry(
            r.get(AUDIT_LOG.ID),
            Sql.instant(r.get(AUDIT_LOG.AT)),
            r.get(AUDIT_LOG.ACTOR_ID),
            r.get(AUDIT_LOG.ACTION),
            r.get(AUDIT_LOG.RESOURCE),
            r.get(AUDIT_LOG.RESOURCE_ID),
            Sql.text(r.get(AUDIT_LOG.DETAILS)),
            r.get(AUDIT_LOG.REMOTE_ADDR)));
  }

  static Map<Field<?>, Object> audit(AuditEntry e) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(AUDIT_LOG.ID, e.id());
    v.put(AUDIT_LOG.AT, Sql.ts(e.at()));
    v.put(AUDIT_LOG.ACTOR_ID, e.actorId());
    v.put(AUDIT_LOG.ACTION, e.action());
    v.put(AUDIT_LOG.RESOURCE, e.resource());
    v.put(AUDIT_LOG.RESOURCE_ID, e.resourceId());
    v.put(AUDIT_LOG.DETAILS, Sql.json(e.details()));
    v.put(AUDIT_LOG.REMOTE_ADDR, e.remoteAddr());
    return v;
  }

  static WebhookRow webhook(Record r) {
    WebhookDelivery d =
        new WebhookDelivery(
            r.get(WEBHOOK_DELIVERIES.ID),
            r.get(WEBHOOK_DELIVERIES.JOB_ID),
            r.get(WEBHOOK_DELIVERIES.SEQ),
            r.get(WEBHOOK_DELIVERIES.URL),
            r.get(WEBHOOK_DELIVERIES.EVENT),
            Sql.text(r.get(WEBHOOK_DELIVERIES.PAYLOAD)),
            WebhookStatus.fromWire(r.get(WEBHOOK_DELIVERIES.STATUS)),
            r.get(WEBHOOK_DELIVERIES.ATTEMPTS),
            r.get(WEBHOOK_DELIVERIES.LAST_STATUS_CODE),
            r.get(WEBHOOK_DELIVERIES.LAST_ERROR),
            Sql.instant(r.get(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT)),
            Sql.instant(r.get(WEBHOOK_DELIVERIES.DELIVERED_AT)),
            Sql.instant(r.get(WEBHOOK_DELIVERIES.CREATED_AT)));
    return new WebhookRow(
        d,
        r.get(WEBHOOK_DELIVERIES.LEASE_TOKEN),
        Sql.instant(r.get(WEBHOOK_DELIVERIES.LEASE_EXPIRES_AT)));
  }

  static Map<Field<?>, Object> webhook(WebhookRow w) {
    WebhookDelivery d = w.delivery();
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(WEBHOOK_DELIVERIES.ID, d.id());
    v.put(WEBHOOK_DELIVERIES.JOB_ID, d.jobId());
    v.put(WEBHOOK_DELIVERIES.SEQ, d.seq());
    v.put(WEBHOOK_DELIVERIES.URL, d.url());
    v.put(WEBHOOK_DELIVERIES.EVENT, d.event());
    v.put(WEBHOOK_DELIVERIES.PAYLOAD, Sql.json(d.body()));
    v.put(WEBHOOK_DELIVERIES.STATUS, d.status().wire());
    v.put(WEBHOOK_DELIVERIES.ATTEMPTS, d.attempts());
    v.put(WEBHOOK_DELIVERIES.LAST_STATUS_CODE, d.lastStatusCode());
    v.put(WEBHOOK_DELIVERIES.LAST_ERROR, d.lastError());
    v.put(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, Sql.ts(d.nextAttemptAt()));
    v.put(WEBHOOK_DELIVERIES.DELIVERED_AT, Sql.ts(d.deliveredAt()));
    v.put(WEBHOOK_DELIVERIES.CREATED_AT, Sql.ts(d.createdAt()));
    v.put(WEBHOOK_DELIVERIES.LEASE_TOKEN, w.leaseToken());
    v.put(WEBHOOK_DELIVERIES.LEASE_EXPIRES_AT, Sql.ts(w.leaseExpiresAt()));
    return v;
  }

  static SettingRow setting(Record r) {
    return new SettingRow(r.get(SETTINGS.NAME), r.get(SETTINGS.VALUE));
  }

  static Map<Field<?>, Object> setting(SettingRow s) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(SETTINGS.NAME, s.name());
    v.put(SETTINGS.VALUE, s.value());
    return v;
  }
}
