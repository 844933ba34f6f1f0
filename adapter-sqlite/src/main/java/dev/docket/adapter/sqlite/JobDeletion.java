package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACT_CHUNKS;
import static dev.docket.adapter.sqlite.jooq.Tables.JOBS;
import static dev.docket.adapter.sqlite.jooq.Tables.JOB_EVENTS;

import dev.docket.adapter.sqlite.jooq.Indexes;
import dev.docket.ports.PruneResult;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * Deletes jobs with everything that hangs off them. Events and artifact rows go by {@code ON DELETE
 * CASCADE}; artifact chunks have no foreign key (uploads stage them before the artifact exists), so
 * they are deleted here first.
 */
final class JobDeletion {
  private static final Table<?> FINISHED_INDEXED = Jooq.indexedBy(JOBS, Indexes.JOBS_FINISHED_IDX);

  private JobDeletion() {}

  static boolean deleteIfTerminal(DSLContext dsl, String id) {
    List<String> ids =
        dsl.select(JOBS.ID).from(JOBS).where(JOBS.ID.eq(id)).and(JobRows.terminal()).fetch(JOBS.ID);
    if (ids.isEmpty()) {
      return false;
    }
    delete(dsl, ids);
    return true;
  }

  static PruneResult prune(DSLContext dsl, Instant finishedBefore, int batchSize) {
    List<String> ids = pruneCandidates(dsl, finishedBefore, batchSize).fetch(JOBS.ID);
    if (ids.isEmpty()) {
      return PruneResult.NONE;
    }
    long events = dsl.fetchCount(JOB_EVENTS, JOB_EVENTS.JOB_ID.in(ids));
    long artifacts = dsl.fetchCount(ARTIFACTS, ARTIFACTS.JOB_ID.in(ids));
    delete(dsl, ids);
    return new PruneResult(ids.size(), events, artifacts);
  }

  /** The oldest-finished terminal jobs finished before the cut-off, at most {@code batchSize}. */
  static ResultQuery<Record1<String>> pruneCandidates(
      DSLContext dsl, Instant finishedBefore, int batchSize) {
    return dsl.select(JOBS.ID)
        .from(FINISHED_INDEXED)
        .where(JobRows.terminal())
        .and(JOBS.FINISHED_AT.isNotNull())
        .and(JOBS.FINISHED_AT.lt(Rows.millis(finishedBefore)))
        .orderBy(JOBS.FINISHED_AT)
        .limit(batchSize);
  }

  private static void delete(DSLContext dsl, List<String> ids) {
    dsl.deleteFrom(ARTIFACT_CHUNKS)
        .where(
            ARTIFACT_CHUNKS.BLOB_ID.in(
                dsl.select(ARTIFACTS.BLOB_ID).from(ARTIFACTS).where(ARTIFACTS.JOB_ID.in(ids))))
        .execute();
    dsl.deleteFrom(JOBS).where(JOBS.ID.in(ids)).execute();
  }
}
