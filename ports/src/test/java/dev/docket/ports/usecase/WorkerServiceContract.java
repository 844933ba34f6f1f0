package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.EventDraft;
import dev.docket.domain.FieldError;
import dev.docket.domain.Job;
import dev.docket.domain.JobCancelledException;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.LeaseLostException;
import dev.docket.domain.Role;
import dev.docket.domain.Transition;
import dev.docket.domain.ValidationException;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The worker protocol: claim (with long-poll), heartbeat, complete, fail and append. */
public abstract class WorkerServiceContract extends ServiceContract {

  private static final List<EventDraft> LOG = List.of(new EventDraft("log", "\"working\""));

  private static ClaimRequest request(
      String queue, String workerId, Integer limit, Integer lease, Integer wait) {
    return new ClaimRequest(queue, workerId, limit, lease, null, null, wait);
  }

  private static void assertInvalid(
      ClaimRequest request, Actor who, WorkerService workers, String... fields) {
    assertThatThrownBy(() -> workers.claim(who, request))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(fields));
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  // ---- claim -----------------------------------------------------------------------------

  @Test
  void claimValidationNamesEachField() {
    WorkerService w = docket.workers();
    assertInvalid(request("ci", null, null, null, null), worker, w, "worker_id");
    assertInvalid(request("ci", " ", null, null, null), worker, w, "worker_id");
    assertInvalid(request("ci", "x".repeat(201), null, null, null), worker, w, "worker_id");
    assertInvalid(request("ci", "w", 0, null, null), worker, w, "limit");
    assertInvalid(request("ci", "w", 101, null, null), worker, w, "limit");
    assertInvalid(request("ci", "w", null, 4, null), worker, w, "lease_seconds");
    assertInvalid(request("ci", "w", null, 3601, null), worker, w, "lease_seconds");
    assertInvalid(request("ci", "w", null, null, -1), worker, w, "wait_seconds");
    assertInvalid(request("ci", "w", null, null, 31), worker, w, "wait_seconds");
    assertInvalid(request("Not Valid", "w", null, null, null), worker, w, "queue");
    assertInvalid(
        new ClaimRequest("ci", "w", null, null, List.of("ok", ""), "", null),
        worker,
        w,
        "kinds[1]",
        "prefer_kind");
    assertInvalid(
        request("BAD", null, 0, 4, 31),
        worker,
        w,
        "queue",
        "worker_id",
        "limit",
        "lease_seconds",
        "wait_seconds");
  }

  @Test
  void claimBoundariesAreAccepted() throws Exception {
    submit(submitter, "ci", "build");
    assertThat(docket.workers().claim(worker, request("ci", "w", 100, 5, 0))).hasSize(1);

    submit(submitter, "ci", "build");
    assertThat(docket.workers().claim(worker, request("ci", "w", 1, 3600, 30))).hasSize(1);

    submit(submitter, "ci", "build");
    assertThat(docket.workers().claim(worker, request("ci", "w", null, null, null))).hasSize(1);
  }

  @Test
  void aSubmitterOnlyUserCannotClaim() {
    submit(submitter, "ci", "build");

    assertThatThrownBy(() -> docket.workers().claim(submitter, claimRequest("ci")))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void claimHandsOutAJobWithAFreshLease() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Instant before = store.jobs().now();

    Job claimed = claimOne(worker, "ci");

    assertThat(claimed.id()).isEqualTo(job.id());
    assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(claimed.attempt()).isEqualTo(1);
    assertThat(claimed.workerId()).isEqualTo("worker-1");
    assertThat(claimed.leaseToken()).isNotBlank();
    assertThat(claimed.startedAt()).isNotNull();
    assertThat(claimed.leaseExpiresAt())
        .isBetween(before.plusSeconds(59), store.jobs().now().plusSeconds(61));
    assertThat(stored(job).status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void claimTakesAtMostTheLimitInPriorityOrder() throws Exception {
    submit(submitter, new JobSpec("low", "ci", null, null, 1, null, null, null, null));
    submit(submitter, new JobSpec("high", "ci", null, null, 9, null, null, null, null));
    submit(submitter, new JobSpec("mid", "ci", null, null, 5, null, null, null, null));

    List<Job> claimed = docket.workers().claim(worker, request("ci", "w", 2, null, null));

    assertThat(claimed).extracting(Job::kind).containsExactly("high", "mid");
    assertThat(claimed.stream().map(Job::leaseToken).distinct()).hasSize(2);
  }

  @Test
  void claimHonoursKindsAndPreferredKind() throws Exception {
    submit(submitter, "ci", "a");
    submit(submitter, "ci", "b");
    submit(submitter, "ci", "c");

    List<Job> onlyC =
        docket.workers().claim(worker, new ClaimRequest("ci", "w", 5, null, List.of("c"), null, 0));
    List<Job> preferB =
        docket.workers().claim(worker, new ClaimRequest("ci", "w", 1, null, null, "b", 0));

    assertThat(onlyC).extracting(Job::kind).containsExactly("c");
    assertThat(preferB).extracting(Job::kind).containsExactly("b");
  }

  @Test
  void claimSkipsJobsWhoseRunAtIsInTheFuture() throws Exception {
    submit(
        submitter,
        new JobSpec(
            "later", "ci", null, null, null, Instant.now().plusSeconds(3600), null, null, null));

    assertThat(docket.workers().claim(worker, claimRequest("ci"))).isEmpty();
  }

  @Test
  void claimWithoutWaitOnAnEmptyQueueAnswersAtOnce() throws Exception {
    long start = System.nanoTime();

    assertThat(docket.workers().claim(worker, request("ci", "w", 1, null, 0))).isEmpty();
    assertThat(millisSince(start)).isLessThan(1000);
  }

  @Test
  void aWaitingClaimWakesAsSoonAsAJobIsSubmitted() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long start = System.nanoTime();
      Future<List<Job>> waiting =
          pool.submit(() -> docket.workers().claim(worker, request("ci", "w", 1, null, 5)));
      Thread.sleep(300);
      assertThat(waiting).isNotDone();
      long submittedAt = System.nanoTime();
      Job job = submit(submitter, "ci", "build");

      List<Job> claimed = waiting.get(10, TimeUnit.SECONDS);

      assertThat(claimed).extracting(Job::id).containsExactly(job.id());
      assertThat(millisSince(submittedAt)).isLessThan(1500);
      assertThat(millisSince(start)).isLessThan(3000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWaitingClaimAnswersEmptyWhenTheWaitIsOver() throws Exception {
    long start = System.nanoTime();

    List<Job> claimed = docket.workers().claim(worker, request("ci", "w", 1, null, 2));

    long elapsed = millisSince(start);
    assertThat(claimed).isEmpty();
    assertThat(elapsed).isGreaterThanOrEqualTo(1900).isLessThan(4500);
  }

  @Test
  void aWaitingClaimTakesABackedOffJobOnceItsRunAtComesDue() throws Exception {
    submit(submitter, "ci", "build");
    Job first = claimOne(worker, "ci");
    Job requeued = docket.workers().fail(worker, first.id(), first.leaseToken(), "flaky", true);
    long start = System.nanoTime();

    List<Job> claimed = docket.workers().claim(worker, request("ci", "w", 1, null, 8));

    assertThat(claimed).extracting(Job::id).containsExactly(first.id());
    assertThat(claimed.get(0).attempt()).isEqualTo(2);
    assertThat(claimed.get(0).startedAt()).isAfterOrEqualTo(requeued.runAt());
    assertThat(millisSince(start)).isLessThan(6000);
  }

  @Test
  void aWaitingClaimWakesWhenAJobIsRetried() throws Exception {
    Job job = submit(submitter, "ci", "build");
    docket.jobs().cancel(submitter, job.id());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<Job>> waiting =
          pool.submit(() -> docket.workers().claim(worker, request("ci", "w", 1, null, 5)));
      Thread.sleep(300);
      long retriedAt = System.nanoTime();

      docket.jobs().retry(submitter, job.id());

      assertThat(waiting.get(10, TimeUnit.SECONDS)).extracting(Job::id).containsExactly(job.id());
      assertThat(millisSince(retriedAt)).isLessThan(1500);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWaitingClaimIgnoresOtherQueues() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<Job>> waiting =
          pool.submit(() -> docket.workers().claim(worker, request("mine", "w", 1, null, 2)));
      Thread.sleep(200);
      Job other = submit(submitter, "other", "build");

      assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
      assertThat(stored(other).status()).isEqualTo(JobStatus.QUEUED);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentClaimsNeverHandOutAJobTwice() throws Exception {
    for (int i = 0; i < 20; i++) {
      submit(submitter, "ci", "build");
    }
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    List<UUID> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    runConcurrently(
        4,
        () -> {
          for (int i = 0; i < 10; i++) {
            for (Job j : docket.workers().claim(worker, request("ci", "w", 2, null, 0))) {
              all.add(j.id());
              seen.add(j.id());
            }
          }
        });

    assertThat(all).hasSize(20).doesNotHaveDuplicates();
    assertThat(seen).hasSize(20);
  }

  // ---- heartbeat -------------------------------------------------------------------------

  @Test
  void heartbeatExtendsTheLeaseAndRecordsProgress() throws Exception {
    submit(submitter, "ci", "build");
    Job claimed = docket.workers().claim(worker, request("ci", "w", 1, 10, 0)).get(0);

    Job beat = docket.workers().heartbeat(worker, claimed.id(), claimed.leaseToken(), 40.0, 600);

    assertThat(beat.leaseExpiresAt()).isAfter(claimed.leaseExpiresAt().plusSeconds(500));
    assertThat(beat.progress()).isEqualTo(40.0);
    assertThat(stored(claimed).leaseExpiresAt()).isEqualTo(beat.leaseExpiresAt());
    assertThat(docket.events().list(admin, claimed.id(), 0, 10))
        .extracting(JobEvent::type)
        .containsExactly("status", "status", "progress");
  }

  @Test
  void heartbeatWithoutLeaseLengthExtendsByTheLengthClaimed() throws Exception {
    submit(submitter, "ci", "build");
    Job claimed = docket.workers().claim(worker, request("ci", "w", 1, 10, 0)).get(0);
    Thread.sleep(50);

    Job beat = docket.workers().heartbeat(worker, claimed.id(), claimed.leaseToken(), null, null);

    assertThat(beat.leaseExpiresAt()).isAfter(claimed.leaseExpiresAt());
    assertThat(java.time.Duration.between(beat.updatedAt(), beat.leaseExpiresAt()))
        .isEqualTo(java.time.Duration.ofSeconds(10));
  }

  @Test
  void heartbeatValidationNamesEachField() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");
    WorkerService w = docket.workers();

    assertThatThrownBy(() -> w.heartbeat(worker, c.id(), null, 101.0, 4))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("lease_token", "progress", "lease_seconds"));
    assertThatThrownBy(() -> w.heartbeat(worker, c.id(), c.leaseToken(), -1.0, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> w.heartbeat(worker, c.id(), c.leaseToken(), null, 3601))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aStaleTokenLosesTheLeaseOnEveryCall() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");
    WorkerService w = docket.workers();
    String stale = "lt_not-the-token";

    assertThatThrownBy(() -> w.heartbeat(worker, c.id(), stale, null, null))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> w.complete(worker, c.id(), stale, null))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> w.fail(worker, c.id(), stale, "x", true))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> w.append(worker, c.id(), stale, LOG))
        .isInstanceOf(LeaseLostException.class);
    assertThat(stored(c).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(stored(c).eventCount()).isEqualTo(2);
  }

  @Test
  void callsOnAnUnknownJobAreNotFound() {
    UUID unknown = UUID.fromString("01941a2b-0000-7000-8000-00000000beef");

    assertThatThrownBy(() -> docket.workers().heartbeat(worker, unknown, "lt_x", null, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.workers().complete(worker, unknown, "lt_x", null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSubmitterOnlyUserCannotWorkAJob() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    assertThatThrownBy(
            () -> docket.workers().heartbeat(submitter, c.id(), c.leaseToken(), null, null))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> docket.workers().complete(submitter, c.id(), c.leaseToken(), null))
        .isInstanceOf(ForbiddenException.class);
  }

  // ---- cancel while running --------------------------------------------------------------

  @Test
  void theHolderLearnsOfACancelOnItsNextCall() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");
    docket.jobs().cancel(submitter, job.id());
    WorkerService w = docket.workers();

    assertThatThrownBy(() -> w.heartbeat(worker, c.id(), c.leaseToken(), 50.0, null))
        .isInstanceOf(JobCancelledException.class);
    assertThatThrownBy(() -> w.append(worker, c.id(), c.leaseToken(), LOG))
        .isInstanceOf(JobCancelledException.class);
    assertThatThrownBy(() -> w.complete(worker, c.id(), c.leaseToken(), "{}"))
        .isInstanceOf(JobCancelledException.class);
    assertThatThrownBy(() -> w.fail(worker, c.id(), c.leaseToken(), "x", true))
        .isInstanceOf(JobCancelledException.class);
    assertThat(stored(job).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(stored(job).eventCount()).isEqualTo(3);
  }

  // ---- complete and fail -----------------------------------------------------------------

  @Test
  void completeStoresTheResultAndEndsTheLease() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    Job done = docket.workers().complete(worker, c.id(), c.leaseToken(), "{\"artifacts\":2}");

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.result()).isEqualTo("{\"artifacts\":2}");
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.leaseExpiresAt()).isNull();
    assertThat(stored(c).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThatThrownBy(() -> docket.workers().complete(worker, c.id(), c.leaseToken(), null))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void completeNeedsAToken() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    assertThatThrownBy(() -> docket.workers().complete(worker, c.id(), " ", null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("lease_token"));
  }

  @Test
  void aRetryableFailureRequeuesWithBackoffSoAnImmediateClaimGetsNothing() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");
    Instant now = store.jobs().now();

    Job failed = docket.workers().fail(worker, c.id(), c.leaseToken(), "flaky", true);

    assertThat(failed.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(failed.error()).isEqualTo("flaky");
    assertThat(failed.attempt()).isEqualTo(1);
    assertThat(failed.runAt()).isAfterOrEqualTo(now.plusMillis(1500));
    assertThat(failed.runAt()).isBefore(now.plusSeconds(5));
    assertThat(docket.workers().claim(worker, claimRequest("ci"))).isEmpty();
  }

  @Test
  void aNonRetryableFailureFailsTheJob() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    Job failed = docket.workers().fail(worker, c.id(), c.leaseToken(), "bad input", false);

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).isEqualTo("bad input");
    assertThat(failed.finishedAt()).isNotNull();
  }

  @Test
  void aFailureOnTheLastAttemptFailsTheJob() throws Exception {
    submit(submitter, new JobSpec("build", "ci", null, null, null, null, 1, null, null));
    Job c = claimOne(worker, "ci");

    Job failed = docket.workers().fail(worker, c.id(), c.leaseToken(), "flaky", true);

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void failNeedsAnError() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    assertThatThrownBy(() -> docket.workers().fail(worker, c.id(), null, null, true))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("lease_token", "error"));
  }

  // ---- append ----------------------------------------------------------------------------

  @Test
  void theHolderAppendsEventsWithDenseSeqs() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    Transition t =
        docket
            .workers()
            .append(
                worker,
                c.id(),
                c.leaseToken(),
                List.of(new EventDraft("log", "\"a\""), new EventDraft("metric.cpu", "{\"p\":3}")));

    assertThat(t.events()).extracting(JobEvent::seq).containsExactly(2L, 3L);
    assertThat(store.events().list(c.id(), 2, 10))
        .extracting(JobEvent::type)
        .containsExactly("log", "metric.cpu");
    assertThat(stored(c).eventCount()).isEqualTo(4);
  }

  @Test
  void appendValidationNamesEachBadEvent() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    assertThatThrownBy(
            () ->
                docket
                    .workers()
                    .append(
                        worker,
                        c.id(),
                        c.leaseToken(),
                        List.of(
                            new EventDraft("log", "\"ok\""),
                            new EventDraft("status", "{}"),
                            new EventDraft("Bad", "1"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("events[1].type", "events[2].type"));
    assertThatThrownBy(() -> docket.workers().append(worker, c.id(), c.leaseToken(), List.of()))
        .isInstanceOf(ValidationException.class);
    assertThat(stored(c).eventCount()).isEqualTo(2);
  }

  @Test
  void aWorkerMustSendItsTokenToAppendButAnAdminNeedNot() throws Exception {
    Job job = submit(submitter, "ci", "build");

    assertThatThrownBy(() -> docket.workers().append(worker, job.id(), null, LOG))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("lease_token"));
    Transition t = docket.workers().append(admin, job.id(), null, LOG);

    assertThat(t.events()).extracting(JobEvent::seq).containsExactly(1L);
  }

  @Test
  void aSubmitterCannotAppend() {
    Job job = submit(submitter, "ci", "build");

    assertThatThrownBy(() -> docket.workers().append(submitter, job.id(), "lt_x", LOG))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> docket.workers().append(submitter, job.id(), null, LOG))
        .isInstanceOf(ForbiddenException.class);
  }

  // ---- reading the held job --------------------------------------------------------------

  @Test
  void theWorkerHoldingTheLeaseMayReadTheJobAndNoOtherWorkerMay() throws Exception {
    Actor otherWorker = actor(Role.WORKER);
    Job job = submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    assertThat(docket.jobs().get(worker, job.id()).id()).isEqualTo(job.id());
    assertThat(docket.events().list(worker, job.id(), 0, 10)).hasSize(2);
    assertThatThrownBy(() -> docket.jobs().get(otherWorker, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.events().list(otherWorker, job.id(), 0, 10))
        .isInstanceOf(NotFoundException.class);

    docket.workers().complete(worker, c.id(), c.leaseToken(), null);
    assertThatThrownBy(() -> docket.jobs().get(worker, job.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void heldChecksTheTokenNow() throws Exception {
    submit(submitter, "ci", "build");
    Job c = claimOne(worker, "ci");

    assertThat(docket.workers().held(worker, c.id(), c.leaseToken()).id()).isEqualTo(c.id());
    assertThatThrownBy(() -> docket.workers().held(worker, c.id(), "lt_other"))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> docket.workers().held(worker, c.id(), null))
        .isInstanceOf(ValidationException.class);
    assertThat(docket.workers().held(admin, c.id(), null).id()).isEqualTo(c.id());
  }

  @Test
  void aWholeLifeThroughTheServicesLeavesADenseLog() throws Exception {
    Job job = submit(submitter, new JobSpec("build", "ci", null, null, null, null, 2, null, null));
    Job c = claimOne(worker, "ci");
    docket.workers().heartbeat(worker, c.id(), c.leaseToken(), 10.0, null);
    docket.workers().append(worker, c.id(), c.leaseToken(), LOG);
    docket.workers().complete(worker, c.id(), c.leaseToken(), "true");

    List<JobEvent> events = docket.events().list(submitter, job.id(), 0, 100);

    assertThat(events).extracting(JobEvent::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(events)
        .extracting(JobEvent::type)
        .containsExactly("status", "status", "progress", "log", "status");
    assertThat(stored(job).version()).isEqualTo(4);
    assertThat(Duration.between(stored(job).startedAt(), stored(job).finishedAt()))
        .isGreaterThanOrEqualTo(Duration.ZERO);
  }
}
