package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.JOBS;
import static dev.docket.adapter.sqlite.jooq.Tables.JOB_EVENTS;

import dev.docket.adapter.sqlite.jooq.tables.records.JobsRecord;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Transition;
import dev.docket.ports.ConflictException;
import dev.docket.ports.JobChange;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.jooq.impl.DSL;

/**
 * Writes of jobs with their events and webhook deliveries, inside a transaction the caller holds.
 */
final class JobRows {
  private static final int EVENTS_PER_INSERT = 500;

  private JobRows() {}

  static void insert(DSLContext dsl, Job job, String requestHash) {
    JobsRecord r = Rows.toRecord(job);
    r.setRequestHash(requestHash);
    dsl.insertInto(JOBS).set(r).execute();
  }

  /**
   * Applies {@code change} to {@code current} and stores the result with its events. The UPDATE is
   * fenced on the version and lease token the change saw, so it can only replace that very row
   * state.
   */
  static Transition apply(DSLContext dsl, Job current, JobChange change, Instant now) {
    Transition t = change.apply(current, now);
    JobsRecord r = Rows.toRecord(t.job());
    int rows =
        dsl.update(JOBS)
            .set(r)
            .where(JOBS.ID.eq(Rows.text(current.id())))
            .and(JOBS.VERSION.eq(current.version()))
            .and(JOBS.LEASE_TOKEN.isNotDistinctFrom(current.leaseToken()))
            .execute();
    if (rows != 1) {
      throw new ConflictException("job " + current.id() + " was changed concurrently");
    }
    insertEvents(dsl, t.events());
    WebhookRows.insert(dsl, t.deliveries());
    return t;
  }

  static void insertEvents(DSLContext dsl, List<JobEvent> events) {
    for (int start = 0; start < events.size(); start += EVENTS_PER_INSERT) {
      List<JobEvent> part =
          events.subList(start, Math.min(events.size(), start + EVENTS_PER_INSERT));
      InsertValuesStep5<?, String, Long, String, String, Long> insert =
          dsl.insertInto(
              JOB_EVENTS,
              JOB_EVENTS.JOB_ID,
              JOB_EVENTS.SEQ,
              JOB_EVENTS.TYPE,
              JOB_EVENTS.DATA,
              JOB_EVENTS.AT);
      for (JobEvent e : part) {
        insert =
            insert.values(Rows.text(e.jobId()), e.seq(), e.type(), e.data(), Rows.millis(e.at()));
      }
      insert.execute();
    }
  }

  /** The current row of a job, read inside the caller's transaction. */
  static Job find(DSLContext dsl, String id) {
    JobsRecord r = dsl.selectFrom(JOBS).where(JOBS.ID.eq(id)).fetchOne();
    return r == null ? null : Rows.toJob(r);
  }

  static org.jooq.Condition terminal() {
    return JOBS.STATUS.in(DSL.inline("succeeded"), DSL.inline("failed"), DSL.inline("cancelled"));
  }
}
