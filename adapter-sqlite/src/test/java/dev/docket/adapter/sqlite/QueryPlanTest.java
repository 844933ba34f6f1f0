package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.JOB_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.JobQuery;
import dev.docket.ports.NewJob;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code EXPLAIN QUERY PLAN} on the statements the store really executes (rendered by the same
 * code, with the same bind values) and checks that each one searches an index rather than reading
 * the whole jobs table.
 */
class QueryPlanTest {
  @TempDir Path dir;
  private SqliteStore store;
  private final Instant now = Instant.now();

  @BeforeEach
  void openStoreWithSomeJobs() {
    store = SqliteStore.open(dir.resolve("plan.db"));
    UUID owner = UUID.randomUUID();
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      JobSpec spec =
          new JobSpec("k" + (i % 5), "q" + (i % 3), null, null, i % 7, null, null, null, null);
      jobs.add(new NewJob(Job.create(Ids.newId(), owner, spec, now), null));
    }
    store.jobs().insert(jobs);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> plan(java.util.function.Function<DSLContext, Query> build) {
    return store
        .reader()
        .read(
            dsl -> {
              Query q = build.apply(dsl);
              return explain(dsl, dsl.render(q), q.getBindValues());
            });
  }

  private static List<String> explain(DSLContext dsl, String sql, List<Object> binds) {
    return dsl.connectionResult(
        c -> {
          List<String> details = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < binds.size(); i++) {
              ps.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                details.add(rs.getString("detail"));
              }
            }
          }
          System.out.println(sql + "\n  -> " + details);
          return details;
        });
  }

  private static void assertSearchesIndex(List<String> plan, String index) {
    assertThat(plan).anySatisfy(d -> assertThat(d).contains("USING INDEX " + index));
    assertThat(plan).noneSatisfy(d -> assertThat(d).isEqualTo("SCAN jobs"));
    assertThat(plan)
        .noneSatisfy(d -> assertThat(d).startsWith("SCAN jobs").doesNotContain("INDEX"));
  }

  @Test
  void claimSearchesThePartialClaimIndexInItsOrder() {
    List<String> plan =
        plan(dsl -> SqliteJobRepository.claimable(dsl, new ClaimQuery("q1", 10, null, null), now));

    assertSearchesIndex(plan, "jobs_claim_idx");
    assertThat(plan).anySatisfy(d -> assertThat(d).startsWith("SEARCH jobs"));
    assertThat(plan).noneSatisfy(d -> assertThat(d).contains("TEMP B-TREE"));
  }

  @Test
  void claimWithKindsAndPreferredKindStillSearchesTheClaimIndex() {
    List<String> plan =
        plan(
            dsl ->
                SqliteJobRepository.claimable(
                    dsl, new ClaimQuery("q1", 10, List.of("k1", "k2"), "k2"), now));

    assertSearchesIndex(plan, "jobs_claim_idx");
  }

  @Test
  void rescueSearchesTheLeaseIndex() {
    List<String> plan = plan(dsl -> SqliteJobRepository.expired(dsl, 10, now));

    assertSearchesIndex(plan, "jobs_lease_idx");
  }

  @Test
  void listingByOwnerSearchesTheOwnerIndex() {
    JobQuery q = new JobQuery(UUID.randomUUID(), null, null, null, null, null, null, 50);

    assertSearchesIndex(plan(dsl -> SqliteJobRepository.listQuery(dsl, q)), "jobs_owner_id_idx");
  }

  @Test
  void listingByStatusSearchesTheStatusIndex() {
    JobQuery q =
        new JobQuery(null, Set.of(JobStatus.QUEUED), null, null, null, null, Ids.newId(), 50);

    assertSearchesIndex(plan(dsl -> SqliteJobRepository.listQuery(dsl, q)), "jobs_status_id_idx");
  }

  @Test
  void unfilteredListingWalksThePrimaryKeyBackwardsFromTheCursor() {
    JobQuery q = new JobQuery(null, null, null, null, null, null, Ids.newId(), 50);

    List<String> plan = plan(dsl -> SqliteJobRepository.listQuery(dsl, q));

    assertSearchesIndex(plan, "sqlite_autoindex_jobs_1");
    assertThat(plan).noneSatisfy(d -> assertThat(d).contains("TEMP B-TREE"));
  }

  @Test
  void eventsAreReadByJobAndSeq() {
    List<String> plan =
        plan(
            dsl ->
                dsl.selectFrom(JOB_EVENTS)
                    .where(JOB_EVENTS.JOB_ID.eq("x"))
                    .and(JOB_EVENTS.SEQ.ge(3L))
                    .orderBy(JOB_EVENTS.SEQ)
                    .limit(100));

    assertThat(plan)
        .anySatisfy(d -> assertThat(d).contains("USING INDEX sqlite_autoindex_job_events_1"));
    assertThat(plan).noneSatisfy(d -> assertThat(d).contains("TEMP B-TREE"));
  }

  @Test
  void pruneSearchesTheFinishedIndex() {
    List<String> plan = plan(dsl -> JobDeletion.pruneCandidates(dsl, now, 100));

    assertSearchesIndex(plan, "jobs_finished_idx");
  }
}
