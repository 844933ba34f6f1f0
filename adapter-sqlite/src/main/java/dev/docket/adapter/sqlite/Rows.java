package dev.docket.adapter.sqlite;

import dev.docket.adapter.sqlite.jooq.tables.records.JobEventsRecord;
import dev.docket.adapter.sqlite.jooq.tables.records.JobsRecord;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobLease;
import dev.docket.domain.JobOutcome;
import dev.docket.domain.JobState;
import dev.docket.domain.JobStatus;
import dev.docket.domain.JobSubmission;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts between domain values and rows. The storage encoding is decided here once: instants are
 * epoch milliseconds, ids are UUID text, statuses their wire names, JSON verbatim text.
 */
final class Rows {
  private Rows() {}

  static Long millis(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  static String status(JobStatus s) {
    return s.wire();
  }

  static JobStatus status(String wire) {
    return JobStatus.valueOf(wire.toUpperCase(Locale.ROOT));
  }

  static Job toJob(JobsRecord r) {
    return new Job(
        new JobSubmission(
            uuid(r.getId()),
            uuid(r.getOwnerId()),
            r.getQueue(),
            r.getKind(),
            r.getPayload(),
            r.getMetadata(),
            r.getPriority(),
            r.getMaxAttempts(),
            r.getIdempotencyKey(),
            r.getWebhookUrl(),
            instant(r.getCreatedAt())),
        new JobState(
            status(r.getStatus()),
            r.getAttempt(),
            instant(r.getRunAt()),
            instant(r.getStartedAt()),
            instant(r.getUpdatedAt()),
            r.getProgress(),
            r.getEventCount(),
            r.getVersion()),
        new JobLease(
            r.getWorkerId(),
            uuid(r.getLeasedBy()),
            r.getLeaseToken(),
            instant(r.getLeaseExpiresAt())),
        new JobOutcome(r.getResult(), r.getError(), instant(r.getFinishedAt())));
  }

  /** Every column of the job except {@code request_hash}, which only an insert sets. */
  static JobsRecord toRecord(Job j) {
    JobsRecord r = new JobsRecord();
    r.setId(text(j.id()));
    r.setOwnerId(text(j.ownerId()));
    r.setQueue(j.queue());
    r.setKind(j.kind());
    r.setStatus(status(j.status()));
    r.setPayload(j.payload());
    r.setMetadata(j.metadata());
    r.setResult(j.result());
    r.setError(j.error());
    r.setPriority(j.priority());
    r.setAttempt(j.attempt());
    r.setMaxAttempts(j.maxAttempts());
    r.setRunAt(millis(j.runAt()));
    r.setCreatedAt(millis(j.createdAt()));
    r.setUpdatedAt(millis(j.updatedAt()));
    r.setStartedAt(millis(j.startedAt()));
    r.setFinishedAt(millis(j.finishedAt()));
    r.setProgress(j.progress());
    r.setWorkerId(j.workerId());
    r.setLeasedBy(text(j.leasedBy()));
    r.setLeaseToken(j.leaseToken());
    r.setLeaseExpiresAt(millis(j.leaseExpiresAt()));
    r.setIdempotencyKey(j.idempotencyKey());
    r.setWebhookUrl(j.webhookUrl());
    r.setEventCount(j.eventCount());
    r.setVersion(j.version());
    return r;
  }

  static JobEvent toEvent(JobEventsRecord r) {
    return new JobEvent(
        uuid(r.getJobId()), r.getSeq(), r.getType(), r.getData(), instant(r.getAt()));
  }
}
