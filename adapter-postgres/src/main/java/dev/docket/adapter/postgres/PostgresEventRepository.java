package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.JOB_EVENTS;

import dev.docket.domain.JobEvent;
import dev.docket.ports.EventRepository;
import java.util.List;
import java.util.UUID;

/** Reads job event logs; they are written with their jobs by {@link PostgresJobRepository}. */
final class PostgresEventRepository implements EventRepository {
  private final Db db;

  PostgresEventRepository(Db db) {
    this.db = db;
  }

  @Override
  public List<JobEvent> list(UUID jobId, long fromSeq, int limit) {
    return db.run(
        ctx ->
            ctx.selectFrom(JOB_EVENTS)
                .where(JOB_EVENTS.JOB_ID.eq(jobId))
                .and(JOB_EVENTS.SEQ.ge(fromSeq))
                .orderBy(JOB_EVENTS.SEQ)
                .limit(limit)
                .fetch(JobRows::toEvent));
  }
}
