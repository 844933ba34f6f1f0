package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.JOBS;

import dev.docket.domain.JobStatus;
import dev.docket.ports.JobStats;
import dev.docket.ports.StatsQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Job statistics, computed in one read transaction. SQLite has no percentile function, so the p95
 * is the continuous percentile (as Postgres {@code percentile_cont(0.95)}) interpolated between the
 * two ranked durations around it, fetched with {@code ORDER BY duration LIMIT 2 OFFSET k} so that
 * only two durations ever reach Java.
 */
final class JobStatistics {
  private static final double PERCENTILE = 0.95;
  private static final Field<Long> DURATION = JOBS.FINISHED_AT.minus(JOBS.STARTED_AT);

  private final DSLContext dsl;
  private final List<Condition> scope = new ArrayList<>();

  JobStatistics(DSLContext dsl, StatsQuery q) {
    this.dsl = dsl;
    if (q.ownerId() != null) {
      scope.add(JOBS.OWNER_ID.eq(Rows.text(q.ownerId())));
    }
    if (q.queue() != null) {
      scope.add(JOBS.QUEUE.eq(q.queue()));
    }
    if (q.since() != null) {
      scope.add(JOBS.CREATED_AT.ge(Rows.millis(q.since())));
    }
  }

  JobStats compute() {
    Map<JobStatus, Long> byStatus = zeros();
    Map<String, Map<JobStatus, Long>> byQueue = new TreeMap<>();
    for (Record3<String, String, Integer> r :
        dsl.select(JOBS.QUEUE, JOBS.STATUS, DSL.count())
            .from(JOBS)
            .where(scope)
            .groupBy(JOBS.QUEUE, JOBS.STATUS)
            .fetch()) {
      JobStatus s = Rows.status(r.value2());
      long n = r.value3();
      byStatus.merge(s, n, Long::sum);
      byQueue.computeIfAbsent(r.value1(), q -> zeros()).merge(s, n, Long::sum);
    }
    long succeeded = byStatus.get(JobStatus.SUCCEEDED);
    long finished = succeeded + byStatus.get(JobStatus.FAILED);
    Double rate = finished == 0 ? null : (double) succeeded / finished;
    return new JobStats(byStatus, byQueue, rate, averageSeconds(), p95Seconds());
  }

  private static Map<JobStatus, Long> zeros() {
    Map<JobStatus, Long> m = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      m.put(s, 0L);
    }
    return m;
  }

  private List<Condition> measured() {
    List<Condition> c = new ArrayList<>(scope);
    c.add(
        JOBS.STATUS.in(
            DSL.inline(Rows.status(JobStatus.SUCCEEDED)),
            DSL.inline(Rows.status(JobStatus.FAILED))));
    c.add(JOBS.STARTED_AT.isNotNull());
    c.add(JOBS.FINISHED_AT.isNotNull());
    return c;
  }

  private Double averageSeconds() {
    Record1<java.math.BigDecimal> avg =
        dsl.select(DSL.avg(DURATION)).from(JOBS).where(measured()).fetchOne();
    return avg == null || avg.value1() == null ? null : avg.value1().doubleValue() / 1000.0;
  }

  private Double p95Seconds() {
    int n = dsl.fetchCount(JOBS, measured());
    if (n == 0) {
      return null;
    }
    double position = PERCENTILE * (n - 1);
    int lower = (int) Math.floor(position);
    List<Long> around =
        dsl.select(DURATION)
            .from(JOBS)
            .where(measured())
            .orderBy(DURATION)
            .limit(2)
            .offset(lower)
            .fetch(Record1::value1);
    long low = around.get(0);
    long high = around.size() > 1 ? around.get(1) : low;
    return (low + (position - lower) * (high - low)) / 1000.0;
  }
}
