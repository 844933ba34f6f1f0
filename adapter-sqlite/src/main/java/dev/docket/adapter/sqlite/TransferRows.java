package dev.docket.adapter.sqlite;

import dev.docket.adapter.sqlite.jooq.tables.records.ApiKeysRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.ArtifactsRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.AuditLogRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.JobEventsRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.JobsRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.SettingsRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.UsersRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.WebhookDeliveriesRecord;
import dev.docket.domain.ApiKey;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * Rows of every table as transfer records and back, every column included (a job's {@code
 * request_hash} too). Encodings are those of {@link Rows}; roles as the user repository keeps them.
 */
final class TransferRows {
  private TransferRows() {}

  static UserRow user(UsersRecord r) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(r.getRoles().split(","))
        .filter(s -> !s.isEmpty())
        .forEach(s -> roles.add(Role.fromWire("roles", s)));
    return new UserRow(
        new User(
            Rows.uuid(r.getId()),
            r.getName(),
            r.getEmail(),
            roles,
            r.getActive(),
            Rows.instant(r.getCreatedAt())));
  }

  static UsersRecord user(User u) {
    UsersRecord r = new UsersRecord();
    r.setId(Rows.text(u.id()));
    r.setName(u.name());
    r.setEmail(u.email());
    r.setRoles(u.roles().stream().sorted().map(Role::wire).collect(Collectors.joining(",")));
    r.setActive(u.active());
    r.setCreatedAt(Rows.millis(u.createdAt()));
    return r;
  }

  static KeyRow key(ApiKeysRecord r) {
    return new KeyRow(
        new ApiKey(
            Rows.uuid(r.getId()),
            Rows.uuid(r.getUserId()),
            r.getName(),
            r.getKeyHash(),
            r.getKeyPrefix(),
            Rows.instant(r.getCreatedAt()),
            Rows.instant(r.getLastUsedAt()),
            Rows.instant(r.getExpiresAt()),
            Rows.instant(r.getRevokedAt())));
  }

  static ApiKeysRecord key(ApiKey k) {
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

  static JobRow job(JobsRecord r) {
    return new JobRow(Rows.toJob(r), r.getRequestHash());
  }

  static JobsRecord job(JobRow j) {
    JobsRecord r = Rows.toRecord(j.job());
    r.setRequestHash(j.requestHash());
    return r;
  }

  static EventRow event(JobEventsRecord r) {
    return new EventRow(Rows.toEvent(r));
  }

  static JobEventsRecord event(JobEvent e) {
    JobEventsRecord r = new JobEventsRecord();
    r.setJobId(Rows.text(e.jobId()));
    r.setSeq(e.seq());
    r.setType(e.type());
    r.setData(e.data());
    r.setAt(Rows.millis(e.at()));
    return r;
  }

  static ArtifactRow artifact(ArtifactsRecord r) {
    return new ArtifactRow(SqliteArtifactStore.toArtifact(r));
  }

  static AuditRow audit(AuditLogRecord r) {
    return new AuditRow(
        new AuditEntry(
            Rows.uuid(r.getId()),
            Rows.instant(r.getAt()),
            r.getActorId(),
            r.getAction(),
            r.getResource(),
            r.getResourceId(),
            r.getDetails(),
            r.getRemoteAddr()));
  }

  static AuditLogRecord audit(AuditEntry e) {
    AuditLogRecord r = new AuditLogRecord();
    r.setId(Rows.text(e.id()));
    r.setAt(Rows.millis(e.at()));
    r.setActorId(e.actorId());
    r.setAction(e.action());
    r.setResource(e.resource());
    r.setResourceId(e.resourceId());
    r.setDetails(e.details());
    r.setRemoteAddr(e.remoteAddr());
    return r;
  }

  static WebhookRow webhook(WebhookDeliveriesRecord r) {
    WebhookDelivery d =
        new WebhookDelivery(
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
    return new WebhookRow(d, r.getLeaseToken(), Rows.instant(r.getLeaseExpiresAt()));
  }

  static WebhookDeliveriesRecord webhook(WebhookRow w) {
    WebhookDelivery d = w.delivery();
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
    r.setLeaseToken(w.leaseToken());
    r.setLeaseExpiresAt(Rows.millis(w.leaseExpiresAt()));
    return r;
  }

  static SettingRow setting(SettingsRecord r) {
    return new SettingRow(r.getName(), r.getValue());
  }

  static SettingsRecord setting(SettingRow s) {
    SettingsRecord r = new SettingsRecord();
    r.setName(s.name());
    r.setValue(s.value());
    return r;
  }
}
