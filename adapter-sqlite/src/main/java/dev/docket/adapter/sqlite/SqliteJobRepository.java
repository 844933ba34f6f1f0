package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.JOBS;

import dev.docket.adapter.sqlite.jooq.Indexes;
import dev.docket.adapter.sqlite.jooq.tables.records.JobsRecord;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Jobs and their event logs in SQLite. Every write goes through the {@link Writer}. */
final class SqliteJobRepository implements JobRepository {
  private static final Table<?> CLAIM_INDEXED = Jooq.indexedBy(JOBS, Indexes.JOBS_CLAIM_IDX);
  private static final Table<?> LEASE_INDEXED = Jooq.indexedBy(JOBS, Indexes.JOBS_LEASE_IDX);

  private final Writer writer;
  private final Reader reader;

  SqliteJobRepository(Writer writer, Reader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public List<Job> insert(List<NewJob> jobs) {
    return writer.write(
        dsl -> {
          List<Job> inserted = new ArrayList<>(jobs.size());
          for (NewJob n : jobs) {
            insertOne(dsl, n);
            inserted.add(n.creation().job());
          }
          return inserted;
        });
  }

  private static void insertOne(DSLContext dsl, NewJob n) {
    Job job = n.creation().job();
    try {
      JobRows.insert(dsl, job, n.requestHash());
    } catch (DataAccessException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new ConflictException(
            "idempotency key '" + job.idempotencyKey() + "' is already used by another job");
      }
      throw e;
    }
    JobRows.insertEvents(dsl, n.creation().events());
    WebhookRows.insert(dsl, n.creation().deliveries());
  }

  @Override
  public Optional<Job> find(UUID id) {
    return Optional.ofNullable(reader.read(dsl -> JobRows.find(dsl, Rows.text(id))));
  }

  @Override
  public Optional<IdempotentJob> findByIdempotencyKey(UUID ownerId, String idempotencyKey) {
    JobsRecord r =
        reader.read(
            dsl ->
                dsl.selectFrom(JOBS)
                    .where(JOBS.OWNER_ID.eq(Rows.text(ownerId)))
                    .and(JOBS.IDEMPOTENCY_KEY.eq(idempotencyKey))
                    .fetchOne());
    return Optional.ofNullable(r).map(x -> new IdempotentJob(Rows.toJob(x), x.getRequestHash()));
  }

  @Override
  public Transition update(UUID id, JobChange change) {
    return writer.write(
        dsl -> {
          Job current = JobRows.find(dsl, Rows.text(id));
          if (current == null) {
            throw new NotFoundException("job", id);
          }
          return JobRows.apply(dsl, current, change, now());
        });
  }

  @Override
  public List<Job> claim(ClaimQuery query, JobChange change) {
    return writer.write(
        dsl -> {
          Instant now = now();
          return applyToEach(dsl, claimable(dsl, query, now), change, now);
        });
  }

  /**
   * The claim candidates, in claim order, from the partial index {@code jobs_claim_idx} (queued
   * jobs only, already in priority/run_at/id order). {@code status = 'queued'} is inlined so that
   * SQLite can match the index's WHERE clause, and the index is pinned ({@link Jooq#indexedBy}),
   * else the planner may pick another index that starts with {@code status} and walk every queued
   * job of every queue.
   */
  static ResultQuery<JobsRecord> claimable(DSLContext dsl, ClaimQuery query, Instant now) {
    Condition where =
        JOBS.QUEUE
            .eq(query.queue())
            .and(JOBS.STATUS.eq(DSL.inline(Rows.status(JobStatus.QUEUED))))
            .and(JOBS.RUN_AT.le(Rows.millis(now)));
    if (!query.kinds().isEmpty()) {
      where = where.and(JOBS.KIND.in(query.kinds()));
    }
    List<SortField<?>> order = new ArrayList<>();
    if (query.preferKind() != null) {
      order.add(
          DSL.when(JOBS.KIND.eq(query.preferKind()), DSL.inline(0)).otherwise(DSL.inline(1)).asc());
    }
    order.add(JOBS.PRIORITY.desc());
    order.add(JOBS.RUN_AT.asc());
    order.add(JOBS.ID.asc());
    return dsl.select(JOBS.fields())
        .from(CLAIM_INDEXED)
        .where(where)
        .orderBy(order)
        .limit(query.limit())
        .coerce(JOBS);
  }

  @Override
  public List<Job> rescueExpired(int limit, JobChange change) {
    return writer.write(
        dsl -> {
          Instant now = now();
          return applyToEach(dsl, expired(dsl, limit, now), change, now);
        });
  }

  static ResultQuery<JobsRecord> expired(DSLContext dsl, int limit, Instant now) {
    return dsl.select(JOBS.fields())
        .from(LEASE_INDEXED)
        .where(JOBS.STATUS.eq(DSL.inline(Rows.status(JobStatus.RUNNING))))
        .and(JOBS.LEASE_EXPIRES_AT.le(Rows.millis(now)))
        .orderBy(JOBS.LEASE_EXPIRES_AT, JOBS.ID)
        .limit(limit)
        .coerce(JOBS);
  }

  private static List<Job> applyToEach(
      DSLContext dsl, ResultQuery<JobsRecord> select, JobChange change, Instant now) {
    List<Job> changed = new ArrayList<>();
    for (JobsRecord r : select.fetch()) {
      changed.add(JobRows.apply(dsl, Rows.toJob(r), change, now).job());
    }
    return changed;
  }

  @Override
  public Page<Job> list(JobQuery query) {
    List<Job> rows = reader.read(dsl -> listQuery(dsl, query).fetch().map(Rows::toJob));
    return Pages.of(rows, query.limit(), Job::id);
  }

  static ResultQuery<JobsRecord> listQuery(DSLContext dsl, JobQuery q) {
    return dsl.selectFrom(JOBS)
        .where(listConditions(q))
        .orderBy(JOBS.ID.desc())
        .limit(q.limit() + 1);
  }

  private static List<Condition> listConditions(JobQuery q) {
    List<Condition> c = new ArrayList<>();
    if (q.ownerId() != null) {
      c.add(JOBS.OWNER_ID.eq(Rows.text(q.ownerId())));
    }
    if (!q.statuses().isEmpty()) {
      c.add(JOBS.STATUS.in(q.statuses().stream().map(Rows::status).toList()));
    }
    if (q.queue() != null) {
      c.add(JOBS.QUEUE.eq(q.queue()));
    }
    if (q.kind() != null) {
      c.add(JOBS.KIND.eq(q.kind()));
    }
    if (q.since() != null) {
      c.add(JOBS.CREATED_AT.ge(Rows.millis(q.since())));
    }
    if (q.until() != null) {
      c.add(JOBS.CREATED_AT.lt(Rows.millis(q.until())));
    }
    if (q.afterId() != null) {
      c.add(JOBS.ID.lt(Rows.text(q.afterId())));
    }
    return c;
  }

  @Override
  public JobStats stats(StatsQuery query) {
    return reader.read(dsl -> new JobStatistics(dsl, query).compute());
  }

  @Override
  public boolean deleteTerminal(UUID id) {
    return writer.write(dsl -> JobDeletion.deleteIfTerminal(dsl, Rows.text(id)));
  }

  @Override
  public PruneResult pruneBatch(Instant finishedBefore, int batchSize) {
    return writer.write(dsl -> JobDeletion.prune(dsl, finishedBefore, batchSize));
  }
}
