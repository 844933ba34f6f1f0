package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Backoff;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Lease;
import dev.docket.domain.ValidationException;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.JobListener;
import dev.docket.ports.PruneResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pruning old terminal jobs. */
public abstract class AdminServiceContract extends ServiceContract {
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  /**
   * Runs {@code job} (alone on its queue) to {@code status} as if that happened {@code daysAgo}
   * days ago, through the repository, which stores the instants the transition holds.
   */
  private Job finishAgo(Job job, JobStatus status, int daysAgo) {
    Instant then = store.jobs().now().minus(Duration.ofDays(daysAgo));
    if (status == JobStatus.CANCELLED) {
      return store.jobs().update(job.id(), (j, now) -> j.cancel(then)).job();
    }
    String token = Lease.newToken();
    store
        .jobs()
        .claim(
            new ClaimQuery(job.queue(), 1, null, null),
            (j, now) -> j.claim(worker.userId(), "w", token, then.minusSeconds(10), Lease.DEFAULT));
    return store
        .jobs()
        .update(
            job.id(),
            (j, now) ->
                status == JobStatus.SUCCEEDED
                    ? j.complete(token, then, "{}")
                    : j.fail(token, then, "x", false, Duration.ZERO))
        .job();
  }

  private Job oldJob(String queue, JobStatus status) {
    return finishAgo(submit(submitter, queue, "build"), status, 40);
  }

  private boolean exists(Job job) {
    return store.jobs().find(job.id()).isPresent();
  }

  @Test
  void pruneDeletesOnlyTerminalJobsFinishedBeforeTheCutOff() throws Exception {
    Job succeeded = oldJob("a", JobStatus.SUCCEEDED);
    Job failed = oldJob("b", JobStatus.FAILED);
    Job cancelled = oldJob("c", JobStatus.CANCELLED);
    Job recent = finishAgo(submit(submitter, "d", "build"), JobStatus.CANCELLED, 29);
    Job queued = submit(submitter, "e", "build");
    Job running = submit(submitter, "f", "build");
    claimOne(worker, "f");
    long events = succeeded.eventCount() + failed.eventCount() + cancelled.eventCount();

    PruneResult result = docket.admin().prune(admin, THIRTY_DAYS, total -> {});

    assertThat(result.jobs()).isEqualTo(3);
    assertThat(result.events()).isEqualTo(events);
    assertThat(result.artifacts()).isZero();
    assertThat(exists(succeeded)).isFalse();
    assertThat(exists(failed)).isFalse();
    assertThat(exists(cancelled)).isFalse();
    assertThat(store.events().list(succeeded.id(), 0, 10)).isEmpty();
    assertThat(exists(recent)).isTrue();
    assertThat(exists(queued)).isTrue();
    assertThat(exists(running)).isTrue();
    assertThat(store.events().list(recent.id(), 0, 10)).hasSize(2);
  }

  @Test
  void pruneCountsTheArtifactsItDeletes() throws Exception {
    Job job = submit(submitter, "a", "build");
    store
        .artifacts()
        .put(
            job.id(),
            "log.txt",
            "text/plain",
            new ByteArrayInputStream("bytes".getBytes(StandardCharsets.UTF_8)),
            j -> {});
    finishAgo(job, JobStatus.CANCELLED, 40);

    PruneResult result = docket.admin().prune(admin, THIRTY_DAYS, total -> {});

    assertThat(result.jobs()).isEqualTo(1);
    assertThat(result.artifacts()).isEqualTo(1);
    assertThat(store.artifacts().list(job.id())).isEmpty();
  }

  @Test
  void pruneWorksInBatchesAndReportsARunningTotal() {
    Docket small =
        Docket.create(
            store, new DocketConfig(Backoff.DEFAULT, 500, 2, Clock.systemUTC()), JobListener.NONE);
    for (int i = 0; i < 5; i++) {
      oldJob("q" + i, JobStatus.CANCELLED);
    }
    List<Long> totals = new ArrayList<>();

    PruneResult result = small.admin().prune(admin, THIRTY_DAYS, total -> totals.add(total.jobs()));

    assertThat(result.jobs()).isEqualTo(5);
    assertThat(totals).hasSizeGreaterThanOrEqualTo(3).isSorted().endsWith(5L);
    assertThat(totals.get(0)).isEqualTo(2L);
  }

  @Test
  void pruneIsAudited() {
    oldJob("a", JobStatus.CANCELLED);

    docket.admin().prune(admin, THIRTY_DAYS, total -> {});

    assertThat(
            docket
                .audit()
                .list(admin, new AuditQuery("admin.prune", null, null, null, null, 10))
                .items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorId()).isEqualTo(admin.id());
              assertThat(e.details())
                  .contains("\"jobs\":1")
                  .contains("\"older_than_seconds\":2592000");
            });
  }

  @Test
  void pruneWithNothingToDeleteReportsZeros() {
    submit(submitter, "a", "build");

    PruneResult result = docket.admin().prune(admin, THIRTY_DAYS, total -> {});

    assertThat(result).isEqualTo(PruneResult.NONE);
  }

  @Test
  void pruneWithZeroAgeDeletesEveryTerminalJob() {
    Job job = submit(submitter, "a", "build");
    docket.jobs().cancel(submitter, job.id());

    PruneResult result = docket.admin().prune(admin, Duration.ZERO, total -> {});

    assertThat(result.jobs()).isEqualTo(1);
  }

  @Test
  void onlyAnAdminPrunes() {
    oldJob("a", JobStatus.CANCELLED);

    assertThatThrownBy(() -> docket.admin().prune(submitter, THIRTY_DAYS, total -> {}))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> docket.admin().prune(worker, THIRTY_DAYS, total -> {}))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aNegativeAgeIsRejected() {
    assertThatThrownBy(() -> docket.admin().prune(admin, Duration.ofDays(-1), total -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("older_than");
  }
}
