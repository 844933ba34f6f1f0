package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.JOBS;
import static dev.docket.adapter.postgres.jooq.Tables.JOB_EVENTS;

import dev.docket.adapter.postgres.jooq.tables.records.JobsRecord;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Transition;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.ConflictException;
import dev.docket.ports.IdempotentJob;
import dev.docket.ports.JobChange;
import dev.docket.ports.JobQuery;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobStats;
import dev.docket.ports.NewJob;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.Page;
import dev.docket.ports.PruneResult;
import dev.docket.ports.StatsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.SelectForUpdateStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Jobs on Postgres. Writers lock the rows they change ({@code FOR UPDATE}); claims and rescues skip
 * rows another transaction holds ({@code SKIP LOCKED}) so that concurrent workers and server
 * instances never wait on, nor hand out, the same job. Every write is also fenced by the version
 * and lease token it read.
 */
final class PostgresJobRepository implements JobRepository {
  static final List<String> TERMINAL =
      List.of(JobStatus.SUCCEEDED.wire(), JobStatus.FAILED.wire(), JobStatus.CANCELLED.wire());
  private static final int INSERT_BATCH = 500;

  private final Db db;
  private final JobStatistics statsQuery;

  PostgresJobRepository(Db db) {
    this.db = db;
    this.statsQuery = new JobStatistics(db);
  }

  @Override
  public Instant now() {
    return db.run(Db::now);
  }

  @Override
  public List<Job> insert(List<NewJob> jobs) {
    if (jobs.isEmpty()) {
      return List.of();
    }
    return db.tx(
        ctx -> {
          List<Job> stored = new ArrayList<>(jobs.size());
          for (int from = 0; from < jobs.size(); from += INSERT_BATCH) {
            List<NewJob> batch = jobs.subList(from, Math.min(jobs.size(), from + INSERT_BATCH));
            insertBatch(ctx, batch);
            batch.forEach(j -> stored.add(j.creation().job()));
          }
          return stored;
        });
  }

  private static void insertBatch(DSLContext ctx, List<NewJob> batch) {
    var insert =
        ctx.insertInto(JOBS)
            .set(JobRows.insertValues(batch.get(0).creation().job(), batch.get(0).requestHash()));
    for (NewJob j : batch.subList(1, batch.size())) {
      insert = insert.newRecord().set(JobRows.insertValues(j.creation().job(), j.requestHash()));
    }
    insert.execute();
    JobRows.insertEvents(ctx, batch.stream().flatMap(j -> j.creation().events().stream()).toList());
    WebhookRows.insert(
        ctx, batch.stream().flatMap(j -> j.creation().deliveries().stream()).toList());
  }

  @Override
  public Optional<Job> find(UUID id) {
    return db.run(ctx -> ctx.selectFrom(JOBS).where(JOBS.ID.eq(id)).fetchOptional(JobRows::toJob));
  }

  @Override
  public Optional<IdempotentJob> findByIdempotencyKey(UUID ownerId, String idempotencyKey) {
    return db.run(
        ctx ->
            ctx.selectFrom(JOBS)
                .where(JOBS.OWNER_ID.eq(ownerId).and(JOBS.IDEMPOTENCY_KEY.eq(idempotencyKey)))
                .fetchOptional(r -> new IdempotentJob(JobRows.toJob(r), r.getRequestHash())));
  }

  @Override
  public Transition update(UUID id, JobChange change) {
    return db.tx(
        ctx -> {
          Job current =
              ctx.selectFrom(JOBS)
                  .where(JOBS.ID.eq(id))
                  .forUpdate()
                  .fetchOptional(JobRows::toJob)
                  .orElseThrow(() -> new NotFoundException("job", id));
          return write(ctx, current, change.apply(current, Db.now(ctx)));
        });
  }

  @Override
  public List<Job> claim(ClaimQuery query, JobChange change) {
    return db.tx(
        ctx -> {
          Instant now = Db.now(ctx);
          return applyToEach(ctx, claimable(ctx, query, now), change, now);
        });
  }

  /**
   * The claim's select: queued jobs of the queue due by {@code now}, in the claim order, locking
   * the rows it returns and skipping rows other claims hold.
   */
  static SelectForUpdateStep<JobsRecord> claimSelect(
      DSLContext ctx, ClaimQuery query, Instant now) {
    Condition where =
        JOBS.STATUS
            .eq(DSL.inline(JobStatus.QUEUED.wire()))
            .and(JOBS.QUEUE.eq(query.queue()))
            .and(JOBS.RUN_AT.le(Sql.ts(now)));
    if (!query.kinds().isEmpty()) {
      where = where.and(JOBS.KIND.eq(DSL.any(query.kinds().toArray(String[]::new))));
    }
    List<SortField<?>> order = new ArrayList<>(4);
    if (query.preferKind() != null) {
      order.add(DSL.field(JOBS.KIND.eq(query.preferKind())).desc());
    }
    order.add(JOBS.PRIORITY.desc());
    order.add(JOBS.RUN_AT.asc());
    order.add(JOBS.ID.asc());
    return ctx.selectFrom(JOBS).where(where).orderBy(order).limit(query.limit());
  }

  private static Result<JobsRecord> claimable(DSLContext ctx, ClaimQuery query, Instant now) {
    return claimSelect(ctx, query, now).forUpdate().skipLocked().fetch();
  }

  @Override
  public List<Job> rescueExpired(int limit, JobChange change) {
    return db.tx(
        ctx -> {
          Instant now = Db.now(ctx);
          Result<JobsRecord> expired =
              ctx.selectFrom(JOBS)
                  .where(JOBS.STATUS.eq(DSL.inline(JobStatus.RUNNING.wire())))
                  .and(JOBS.LEASE_EXPIRES_AT.le(Sql.ts(now)))
                  .orderBy(JOBS.LEASE_EXPIRES_AT, JOBS.ID)
                  .limit(limit)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          return applyToEach(ctx, expired, change, now);
        });
  }

  private static List<Job> applyToEach(
      DSLContext ctx, Result<JobsRecord> rows, JobChange change, Instant now) {
    List<Job> out = new ArrayList<>(rows.size());
    for (JobsRecord row : rows) {
      Job current = JobRows.toJob(row);
      out.add(write(ctx, current, change.apply(current, now)).job());
    }
    return out;
  }

  /**
   * Stores {@code next} over {@code current}, only if the row still holds the version and lease
   * token that the change saw, and appends the transition's events and webhook deliveries.
   */
  static Transition write(DSLContext ctx, Job current, Transition next) {
    if (next.events().isEmpty() && next.job().equals(current)) {
      return next;
    }
    int rows =
        ctx.update(JOBS)
            .set(JobRows.updateValues(next.job()))
            .where(JOBS.ID.eq(current.id()))
            .and(JOBS.VERSION.eq(current.version()))
            .and(JOBS.LEASE_TOKEN.isNotDistinctFrom(current.leaseToken()))
            .execute();
    if (rows != 1) {
      throw new ConflictException("job " + current.id() + " was changed concurrently");
    }
    JobRows.insertEvents(ctx, next.events());
    WebhookRows.insert(ctx, next.deliveries());
    return next;
  }

  @Override
  public Page<Job> list(JobQuery q) {
    Condition where = DSL.noCondition();
    if (q.ownerId() != null) {
      where = where.and(JOBS.OWNER_ID.eq(q.ownerId()));
    }
    if (!q.statuses().isEmpty()) {
      where = where.and(JOBS.STATUS.in(q.statuses().stream().map(JobStatus::wire).toList()));
    }
    if (q.queue() != null) {
      where = where.and(JOBS.QUEUE.eq(q.queue()));
    }
    if (q.kind() != null) {
      where = where.and(JOBS.KIND.eq(q.kind()));
    }
    if (q.since() != null) {
      where = where.and(JOBS.CREATED_AT.ge(Sql.ts(q.since())));
    }
    if (q.until() != null) {
      where = where.and(JOBS.CREATED_AT.lt(Sql.ts(q.until())));
    }
    if (q.afterId() != null) {
      where = where.and(JOBS.ID.lt(q.afterId()));
    }
    Condition filter = where;
    List<Job> rows =
        db.run(
            ctx ->
                ctx.selectFrom(JOBS)
                    .where(filter)
                    .orderBy(JOBS.ID.desc())
                    .limit(q.limit() + 1)
                    .fetch(JobRows::toJob));
    return Pages.of(rows, q.limit(), Job::id);
  }

  @Override
  public JobStats stats(StatsQuery query) {
    return statsQuery.run(query);
  }

  @Override
  public boolean deleteTerminal(UUID id) {
    return db.tx(
        ctx -> {
          Optional<String> status =
              ctx.select(JOBS.STATUS)
                  .from(JOBS)
                  .where(JOBS.ID.eq(id))
                  .forUpdate()
                  .fetchOptional(JOBS.STATUS);
          if (status.isEmpty() || !TERMINAL.contains(status.get())) {
            return false;
          }
          PostgresArtifactStore.deleteChunksOfJobs(ctx, List.of(id));
          return ctx.deleteFrom(JOBS).where(JOBS.ID.eq(id)).execute() == 1;
        });
  }

  @Override
  public PruneResult pruneBatch(Instant finishedBefore, int batchSize) {
    return db.tx(
        ctx -> {
          List<UUID> ids =
              ctx.select(JOBS.ID)
                  .from(JOBS)
                  .where(JOBS.STATUS.in(TERMINAL))
                  .and(JOBS.FINISHED_AT.lt(Sql.ts(finishedBefore)))
                  .orderBy(JOBS.FINISHED_AT, JOBS.ID)
                  .limit(batchSize)
                  .forUpdate()
                  .skipLocked()
                  .fetch(JOBS.ID);
          if (ids.isEmpty()) {
            return PruneResult.NONE;
          }
          long events = ctx.fetchCount(JOB_EVENTS, JOB_EVENTS.JOB_ID.in(ids));
          long artifacts = PostgresArtifactStore.deleteChunksOfJobs(ctx, ids);
          long jobs = ctx.deleteFrom(JOBS).where(JOBS.ID.in(ids)).execute();
          return new PruneResult(jobs, events, artifacts);
        });
  }
}
