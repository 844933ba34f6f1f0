package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.JOBS;

import dev.docket.domain.JobStatus;
import dev.docket.ports.JobStats;
import dev.docket.ports.StatsQuery;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Counts and durations of jobs, computed by the database in two aggregate queries. */
final class JobStatistics {
  /** Seconds from start to finish, with the milliseconds the columns hold. */
  private static final Field<Double> DURATION =
      DSL.field(
          "extract(epoch from ({0} - {1}))::double precision",
          SQLDataType.DOUBLE, JOBS.FINISHED_AT, JOBS.STARTED_AT);

  private final Db db;

  JobStatistics(Db db) {
    this.db = db;
  }

  JobStats run(StatsQuery q) {
    Condition scope = scope(q);
    return db.tx(
        ctx -> {
          Map<JobStatus, Long> byStatus = zeros();
          Map<String, Map<JobStatus, Long>> byQueue = new LinkedHashMap<>();
          for (var r :
              ctx.select(JOBS.QUEUE, JOBS.STATUS, DSL.count())
                  .from(JOBS)
                  .where(scope)
                  .groupBy(JOBS.QUEUE, JOBS.STATUS)
                  .orderBy(JOBS.QUEUE)
                  .fetch()) {
            JobStatus s = JobStatus.fromWire("status", r.value2());
            long n = r.value3();
            byStatus.merge(s, n, Long::sum);
            byQueue.computeIfAbsent(r.value1(), k -> zeros()).merge(s, n, Long::sum);
          }
          Record2<Double, Double> d =
              ctx.select(
                      DSL.avg(DURATION).cast(SQLDataType.DOUBLE),
                      DSL.percentileCont(0.95)
                          .withinGroupOrderBy(DURATION)
                          .cast(SQLDataType.DOUBLE))
                  .from(JOBS)
                  .where(scope)
                  .and(JOBS.STATUS.in(JobStatus.SUCCEEDED.wire(), JobStatus.FAILED.wire()))
                  .and(JOBS.STARTED_AT.isNotNull())
                  .and(JOBS.FINISHED_AT.isNotNull())
                  .fetchSingle();
          return new JobStats(byStatus, byQueue, successRate(byStatus), d.value1(), d.value2());
        });
  }

  private static Condition scope(StatsQuery q) {
    Condition c = DSL.noCondition();
    if (q.ownerId() != null) {
      c = c.and(JOBS.OWNER_ID.eq(q.ownerId()));
    }
    if (q.queue() != null) {
      c = c.and(JOBS.QUEUE.eq(q.queue()));
    }
    if (q.since() != null) {
      c = c.and(JOBS.CREATED_AT.ge(Sql.ts(q.since())));
    }
    return c;
  }

  private static Map<JobStatus, Long> zeros() {
    Map<JobStatus, Long> m = new EnumMap<>(JobStatus.class);
    for (JobStatus s : List.of(JobStatus.values())) {
      m.put(s, 0L);
    }
    return m;
  }

  private static Double successRate(Map<JobStatus, Long> byStatus) {
    long ok = byStatus.get(JobStatus.SUCCEEDED);
    long done = ok + byStatus.get(JobStatus.FAILED);
    return done == 0 ? null : (double) ok / done;
  }
}
