package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Job;
import dev.docket.domain.JobCancelledException;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Lease;
import dev.docket.domain.LeaseLostException;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.JobListener;
import dev.docket.ports.JobQuery;
import dev.docket.ports.Store;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server instances on one database: {@link #docket} over {@link #store}, and {@link #peer} over
 * a second store opened on the same database. What one instance does, the other must respect: no
 * job handed out twice, one job per idempotency key, rescue of the other's leases.
 */
public abstract class SharedDatabaseServiceContract extends ServiceContract {
  /** The second instance's store, on the database of {@link #store}. */
  protected Store peerStore;

  /** The second instance's services. */
  protected Docket peer;

  /**
   * Opens another store on the very database {@link #openStore()} opened for this test, without
   * emptying it. Called after {@link #openStore()}; the fixture closes it.
   */
  protected abstract Store openPeerStore();

  @BeforeEach
  final void openPeer() {
    peerStore = openPeerStore();
    peer = Docket.create(peerStore, config(), JobListener.NONE);
  }

  @AfterEach
  final void closePeer() {
    if (peerStore != null) {
      peerStore.close();
    }
  }

  private List<Job> allJobs() {
    return store.jobs().list(new JobQuery(null, null, null, null, null, null, null, 1000)).items();
  }

  @Test
  void aWaitingClaimOnOneInstanceTakesAJobSubmittedThroughTheOther() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<Job>> waiting =
          pool.submit(
              () ->
                  docket
                      .workers()
                      .claim(worker, new ClaimRequest("ci", "w", 1, 60, null, null, 10)));
      Thread.sleep(300);
      long submittedAt = System.nanoTime();

      Job job = peer.jobs().submit(submitter, spec("ci", "build")).job();
      List<Job> claimed = waiting.get(15, TimeUnit.SECONDS);

      assertThat(claimed).extracting(Job::id).containsExactly(job.id());
      // well under the 10 s wait: woken by a signal, or at worst by the periodic recheck
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submittedAt)).isLessThan(2500);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void claimsThroughBothInstancesAtOnceNeverHandOutAJobTwice() throws Exception {
    for (int i = 0; i < 30; i++) {
      submit(submitter, "ci", "build");
    }
    List<UUID> claimed = new CopyOnWriteArrayList<>();
    AtomicInteger thread = new AtomicInteger();

    runConcurrently(
        4,
        () -> {
          Docket mine = thread.getAndIncrement() % 2 == 0 ? docket : peer;
          for (int i = 0; i < 10; i++) {
            for (Job j :
                mine.workers().claim(worker, new ClaimRequest("ci", "w", 3, 60, null, null, 0))) {
              claimed.add(j.id());
            }
          }
        });

    assertThat(claimed).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void submitsWithOneKeyThroughBothInstancesAtOnceMakeOneJob() throws Exception {
    JobSpec keyed = new JobSpec("build", "ci", null, null, null, null, null, "one-key", null);
    ConcurrentLinkedQueue<SubmitResult> results = new ConcurrentLinkedQueue<>();
    AtomicInteger thread = new AtomicInteger();

    runConcurrently(
        6,
        () -> {
          Docket mine = thread.getAndIncrement() % 2 == 0 ? docket : peer;
          results.add(mine.jobs().submit(submitter, keyed));
        });

    assertThat(results.stream().map(r -> r.job().id()).distinct()).hasSize(1);
    assertThat(results.stream().filter(SubmitResult::created)).hasSize(1);
    assertThat(allJobs()).hasSize(1);
  }

  @Test
  void oneInstanceRescuesALeaseTakenThroughTheOtherAndOnlyOnce() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job held =
        store
            .jobs()
            .claim(
                new ClaimQuery("ci", 1, null, null),
                (j, now) ->
                    j.claim(
                        worker.userId(), "w", Lease.newToken(), now.minusSeconds(120), Lease.MIN))
            .get(0);
    AtomicInteger rescued = new AtomicInteger();
    AtomicInteger thread = new AtomicInteger();

    runConcurrently(
        4,
        () -> {
          Docket mine = thread.getAndIncrement() % 2 == 0 ? docket : peer;
          rescued.addAndGet(mine.rescue().rescueExpired());
        });

    assertThat(rescued).hasValue(1);
    assertThat(stored(job).status()).isEqualTo(JobStatus.QUEUED);
    assertThat(store.events().list(job.id(), 0, 10)).hasSize(3);
    assertThatThrownBy(() -> docket.workers().complete(worker, job.id(), held.leaseToken(), null))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void aCancelThroughOneInstanceReachesTheHolderWorkingThroughTheOther() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job held = peer.workers().claim(worker, claimRequest("ci")).get(0);

    docket.jobs().cancel(submitter, job.id());

    assertThatThrownBy(
            () -> peer.workers().heartbeat(worker, job.id(), held.leaseToken(), null, null))
        .isInstanceOf(JobCancelledException.class);
  }

  @Test
  @EmptyStore
  void bothInstancesBootstrappingAnEmptyDatabaseMakeOneAdmin() throws Exception {
    String preset = "shared-bootstrap-key-0123456789abcdef";
    ConcurrentLinkedQueue<Optional<String>> printed = new ConcurrentLinkedQueue<>();
    AtomicInteger thread = new AtomicInteger();

    runConcurrently(
        4,
        () -> {
          Docket mine = thread.getAndIncrement() % 2 == 0 ? docket : peer;
          printed.add(mine.users().bootstrapAdmin(preset));
        });

    assertThat(printed).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(store.users().count()).isEqualTo(1);
    assertThat(peer.users().authenticate(preset, null).isAdmin()).isTrue();
  }
}
