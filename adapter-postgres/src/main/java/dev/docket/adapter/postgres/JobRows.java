package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.JOBS;
import static dev.docket.adapter.postgres.jooq.Tables.JOB_EVENTS;

import dev.docket.adapter.postgres.jooq.tables.records.JobEventsRecord;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobLease;
import dev.docket.domain.JobOutcome;
import dev.docket.domain.JobState;
import dev.docket.domain.JobStatus;
import dev.docket.domain.JobSubmission;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Maps jobs and their events between the domain and the {@code jobs}/{@code job_events} rows. */
final class JobRows {
  private JobRows() {}

  static Job toJob(Record r) {
    return new Job(
        new JobSubmission(
            r.get(JOBS.ID),
            r.get(JOBS.OWNER_ID),
            r.get(JOBS.QUEUE),
            r.get(JOBS.KIND),
            Sql.text(r.get(JOBS.PAYLOAD)),
            Sql.text(r.get(JOBS.METADATA)),
            r.get(JOBS.PRIORITY),
            r.get(JOBS.MAX_ATTEMPTS),
            r.get(JOBS.IDEMPOTENCY_KEY),
            r.get(JOBS.WEBHOOK_URL),
            Sql.instant(r.get(JOBS.CREATED_AT))),
        new JobState(
            JobStatus.fromWire("status", r.get(JOBS.STATUS)),
            r.get(JOBS.ATTEMPT),
            Sql.instant(r.get(JOBS.RUN_AT)),
            Sql.instant(r.get(JOBS.STARTED_AT)),
            Sql.instant(r.get(JOBS.UPDATED_AT)),
            r.get(JOBS.PROGRESS),
            r.get(JOBS.EVENT_COUNT),
            r.get(JOBS.VERSION)),
        new JobLease(
            r.get(JOBS.WORKER_ID),
            r.get(JOBS.LEASED_BY),
            r.get(JOBS.LEASE_TOKEN),
            Sql.instant(r.get(JOBS.LEASE_EXPIRES_AT))),
        new JobOutcome(
            Sql.text(r.get(JOBS.RESULT)), r.get(JOBS.ERROR), Sql.instant(r.get(JOBS.FINISHED_AT))));
  }

  static JobEvent toEvent(Record r) {
    return new JobEvent(
        r.get(JOB_EVENTS.JOB_ID),
        r.get(JOB_EVENTS.SEQ),
        r.get(JOB_EVENTS.TYPE),
        Sql.text(r.get(JOB_EVENTS.DATA)),
        Sql.instant(r.get(JOB_EVENTS.AT)));
  }

  /** Every column of a new row. */
  static Map<Field<?>, Object> insertValues(Job job, String requestHash) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(JOBS.ID, job.id());
    v.put(JOBS.OWNER_ID, job.ownerId());
    v.put(JOBS.PAYLOAD, Sql.json(job.payload()));
    v.put(JOBS.METADATA, Sql.json(job.metadata()));
    v.put(JOBS.CREATED_AT, Sql.ts(job.createdAt()));
    v.put(JOBS.IDEMPOTENCY_KEY, job.idempotencyKey());
    v.put(JOBS.REQUEST_HASH, requestHash);
    v.putAll(updateValues(job));
    return v;
  }

  /**
   * The columns a transition may change. Identity, owner, documents given at submission and the
   * idempotency fingerprint never change, so an update leaves them (and the large payload) alone.
   */
  static Map<Field<?>, Object> updateValues(Job job) {
    Map<Field<?>, Object> v = new LinkedHashMap<>();
    v.put(JOBS.QUEUE, job.queue());
    v.put(JOBS.KIND, job.kind());
    v.put(JOBS.STATUS, job.status().wire());
    v.put(JOBS.RESULT, Sql.json(job.result()));
    v.put(JOBS.ERROR, job.error());
    v.put(JOBS.PRIORITY, job.priority());
    v.put(JOBS.ATTEMPT, job.attempt());
    v.put(JOBS.MAX_ATTEMPTS, job.maxAttempts());
    v.put(JOBS.RUN_AT, Sql.ts(job.runAt()));
    v.put(JOBS.UPDATED_AT, Sql.ts(job.updatedAt()));
    v.put(JOBS.STARTED_AT, Sql.ts(job.startedAt()));
    v.put(JOBS.FINISHED_AT, Sql.ts(job.finishedAt()));
    v.put(JOBS.PROGRESS, job.progress());
    v.put(JOBS.WORKER_ID, job.workerId());
    v.put(JOBS.LEASED_BY, job.leasedBy());
    v.put(JOBS.LEASE_TOKEN, job.leaseToken());
    v.put(JOBS.LEASE_EXPIRES_AT, Sql.ts(job.leaseExpiresAt()));
    v.put(JOBS.WEBHOOK_URL, job.webhookUrl());
    v.put(JOBS.EVENT_COUNT, job.eventCount());
    v.put(JOBS.VERSION, job.version());
    return v;
  }

  /** Appends {@code events} in one statement; a no-op for none. */
  static void insertEvents(DSLContext ctx, List<JobEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    InsertValuesStep5<JobEventsRecord, UUID, Long, String, JSONB, OffsetDateTime> insert =
        ctx.insertInto(
            JOB_EVENTS,
            JOB_EVENTS.JOB_ID,
            JOB_EVENTS.SEQ,
            JOB_EVENTS.TYPE,
            JOB_EVENTS.DATA,
            JOB_EVENTS.AT);
    for (JobEvent e : events) {
      insert =
          insert.values(
              DSL.val(e.jobId()),
              DSL.val(e.seq()),
              DSL.val(e.type()),
              Sql.json(e.data()),
              DSL.val(Sql.ts(e.at())));
    }
    insert.execute();
  }
}
