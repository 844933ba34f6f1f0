package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Backoff;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Lease;
import dev.docket.domain.LeaseLostException;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.JobChange;
import dev.docket.ports.JobListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rescue of jobs whose lease ran out. The services refuse leases under 5 s, so these tests claim
 * through the repository with a lease that has already run out (or runs out in a moment).
 */
public abstract class RescueServiceContract extends ServiceContract {

  /** A claim by {@link #worker} as if made two minutes ago with a 5 s lease: expired now. */
  private JobChange expiredClaim() {
    return (job, now) ->
        job.claim(worker.userId(), "w-old", Lease.newToken(), now.minusSeconds(120), Lease.MIN);
  }

  private Job claimExpired(String queue) {
    List<Job> claimed = store.jobs().claim(new ClaimQuery(queue, 1, null, null), expiredClaim());
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  private Docket docketWith(Backoff backoff, int rescueBatch) {
    return Docket.create(
        store, new DocketConfig(backoff, rescueBatch, 500, Clock.systemUTC()), JobListener.NONE);
  }

  private static JobEvent lastEvent(List<JobEvent> events) {
    return events.get(events.size() - 1);
  }

  @Test
  void rescueRequeuesAnExpiredJobWithBackoffWhileAttemptsRemain() throws Exception {
    Job job = submit(submitter, "ci", "build");
    claimExpired("ci");
    Instant now = store.jobs().now();

    int rescued = docket.rescue().rescueExpired();

    Job after = stored(job);
    assertThat(rescued).isEqualTo(1);
    assertThat(after.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(after.error()).isEqualTo("lease expired");
    assertThat(after.attempt()).isEqualTo(1);
    assertThat(after.leaseExpiresAt()).isNull();
    assertThat(after.finishedAt()).isNull();
    assertThat(after.runAt()).isAfterOrEqualTo(now.plusMillis(1500)).isBefore(now.plusSeconds(10));
    assertThat(docket.workers().claim(worker, claimRequest("ci"))).isEmpty();
  }

  @Test
  void rescueWritesAStatusEvent() {
    Job job = submit(submitter, "ci", "build");
    claimExpired("ci");

    docket.rescue().rescueExpired();

    List<JobEvent> events = store.events().list(job.id(), 0, 10);
    assertThat(events).extracting(JobEvent::seq).containsExactly(0L, 1L, 2L);
    JobEvent last = lastEvent(events);
    assertThat(last.type()).isEqualTo("status");
    assertThat(last.data())
        .contains("\"from\":\"running\"")
        .contains("\"to\":\"queued\"")
        .contains("\"error\":\"lease expired\"");
    assertThat(stored(job).eventCount()).isEqualTo(3);
  }

  @Test
  void rescueFailsAJobWhoseLastAttemptExpired() {
    Job job = submit(submitter, new JobSpec("build", "ci", null, null, null, null, 1, null, null));
    claimExpired("ci");

    docket.rescue().rescueExpired();

    Job after = stored(job);
    assertThat(after.status()).isEqualTo(JobStatus.FAILED);
    assertThat(after.error()).isEqualTo("lease expired");
    assertThat(after.finishedAt()).isNotNull();
    assertThat(lastEvent(store.events().list(job.id(), 0, 10)).data())
        .contains("\"to\":\"failed\"")
        .contains("lease expired");
  }

  @Test
  void rescueLeavesLiveLeasesQueuedAndFinishedJobsAlone() throws Exception {
    Job live = submit(submitter, "live", "build");
    claimOne(worker, "live");
    Job queued = submit(submitter, "ci", "build");
    Job cancelled = submit(submitter, "ci", "build");
    docket.jobs().cancel(submitter, cancelled.id());

    int rescued = docket.rescue().rescueExpired();

    assertThat(rescued).isZero();
    assertThat(stored(live).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(stored(queued).status()).isEqualTo(JobStatus.QUEUED);
    assertThat(stored(cancelled).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void rescueWorksThroughEveryExpiredJobInBatches() {
    Docket small = docketWith(Backoff.DEFAULT, 3);
    for (int i = 0; i < 7; i++) {
      submit(submitter, "ci", "build");
      claimExpired("ci");
    }

    int rescued = small.rescue().rescueExpired();

    assertThat(rescued).isEqualTo(7);
    assertThat(small.rescue().rescueExpired()).isZero();
    assertThat(
            store
                .jobs()
                .list(new dev.docket.ports.JobQuery(null, null, null, null, null, null, null, 50))
                .items())
        .hasSize(7)
        .allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.QUEUED));
  }

  @Test
  void theOldHolderLosesTheLeaseAfterARescue() {
    Job job = submit(submitter, "ci", "build");
    Job held = claimExpired("ci");

    docket.rescue().rescueExpired();

    assertThatThrownBy(
            () -> docket.workers().heartbeat(worker, job.id(), held.leaseToken(), null, null))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> docket.workers().complete(worker, job.id(), held.leaseToken(), null))
        .isInstanceOf(LeaseLostException.class);
    assertThat(stored(job).status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void aHolderWhoseLeaseRanOutLosesItEvenBeforeTheRescue() {
    Job job = submit(submitter, "ci", "build");
    Job held = claimExpired("ci");

    assertThatThrownBy(() -> docket.workers().complete(worker, job.id(), held.leaseToken(), "{}"))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(
            () -> docket.workers().heartbeat(worker, job.id(), held.leaseToken(), null, null))
        .isInstanceOf(LeaseLostException.class);
    assertThat(stored(job).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(docket.rescue().rescueExpired()).isEqualTo(1);
  }

  @Test
  void aLeaseThatRunsOutInRealTimeIsRescued() throws Exception {
    Job job = submit(submitter, "ci", "build");
    store
        .jobs()
        .claim(
            new ClaimQuery("ci", 1, null, null),
            (j, now) ->
                j.claim(worker.userId(), "w", Lease.newToken(), now, Duration.ofMillis(300)));
    assertThat(docket.rescue().rescueExpired()).isZero();

    Thread.sleep(600);

    assertThat(docket.rescue().rescueExpired()).isEqualTo(1);
    assertThat(stored(job).status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void aRescuedJobWakesAWaitingClaim() throws Exception {
    Docket noBackoff = docketWith(new Backoff(Duration.ZERO, Duration.ZERO, 0), 500);
    Job job = submit(submitter, "ci", "build");
    claimExpired("ci");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<Job>> waiting =
          pool.submit(
              () ->
                  noBackoff
                      .workers()
                      .claim(worker, new ClaimRequest("ci", "w-new", 1, 60, null, null, 10)));
      Thread.sleep(300);
      long rescuedAt = System.nanoTime();

      noBackoff.rescue().rescueExpired();
      List<Job> claimed = waiting.get(15, TimeUnit.SECONDS);

      assertThat(claimed).extracting(Job::id).containsExactly(job.id());
      assertThat(claimed.get(0).attempt()).isEqualTo(2);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rescuedAt)).isLessThan(3000);
    } finally {
      pool.shutdownNow();
    }
  }
}
