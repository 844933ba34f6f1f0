package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.JOB_EVENTS;

import dev.docket.domain.JobEvent;
import dev.docket.ports.EventRepository;
import java.util.List;
import java.util.UUID;

/** Reads job event logs; the job repository writes them with their jobs. */
final class SqliteEventRepository implements EventRepository {
  private final Reader reader;

  SqliteEventRepository(Reader reader) {
    this.reader = reader;
  }

  @Override
  public List<JobEvent> list(UUID jobId, long fromSeq, int limit) {
    return reader.read(
        dsl ->
            dsl.selectFrom(JOB_EVENTS)
                .where(JOB_EVENTS.JOB_ID.eq(Rows.text(jobId)))
                .and(JOB_EVENTS.SEQ.ge(fromSeq))
                .orderBy(JOB_EVENTS.SEQ)
                .limit(limit)
                .fetch(Rows::toEvent));
  }
}
