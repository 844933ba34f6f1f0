package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.FieldError;
import dev.docket.domain.IllegalTransitionException;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Role;
import dev.docket.domain.ValidationException;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.ConflictException;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.JobQuery;
import dev.docket.ports.JobStats;
import dev.docket.ports.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Submitting, reading, listing, cancelling, retrying and deleting jobs, as a submitter sees it. */
public abstract class JobServiceContract extends ServiceContract {

  private static JobSpec keyed(String kind, String key) {
    return new JobSpec(kind, "ci", "{\"n\":1}", null, null, null, null, key, null);
  }

  private static Consumer<ValidationException> fields(String... names) {
    return e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(names);
  }

  private static void assertValidation(ThrowingCallable call, String... names) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, fields(names));
  }

  private List<Job> all() {
    return store.jobs().list(new JobQuery(null, null, null, null, null, null, null, 1000)).items();
  }

  private static JobQuery byOwner(UUID owner) {
    return new JobQuery(owner, null, null, null, null, null, null, 100);
  }

  // ---- submit ----------------------------------------------------------------------------

  @Test
  void submitTakesTheContractDefaultsAndWritesTheCreationEvent() {
    SubmitResult result =
        docket
            .jobs()
            .submit(
                submitter, new JobSpec("build", null, null, null, null, null, null, null, null));
    Job job = result.job();

    assertThat(result.created()).isTrue();
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.ownerId()).isEqualTo(submitter.userId());
    assertThat(job.queue()).isEqualTo("default");
    assertThat(job.payload()).isEqualTo("{}");
    assertThat(job.metadata()).isEqualTo("{}");
    assertThat(job.priority()).isZero();
    assertThat(job.attempt()).isZero();
    assertThat(job.maxAttempts()).isEqualTo(3);
    assertThat(job.startedAt()).isNull();
    assertThat(job.finishedAt()).isNull();
    assertThat(job.runAt()).isEqualTo(job.createdAt());
    assertThat(job.eventCount()).isEqualTo(1);
    assertThat(docket.jobs().get(submitter, job.id())).isEqualTo(job);
    List<JobEvent> events = docket.events().list(submitter, job.id(), 0, 10);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.seq()).isZero();
              assertThat(e.type()).isEqualTo("status");
              assertThat(e.data()).contains("\"from\":null").contains("\"to\":\"queued\"");
            });
  }

  @Test
  void adminMaySubmitToo() {
    Job job = submit(admin, "ops", "backup");

    assertThat(job.ownerId()).isEqualTo(admin.userId());
  }

  @Test
  void submitNamesEveryInvalidField() {
    JobSpec bad = new JobSpec(" ", "No Spaces", null, "[]", null, null, 101, "", "ftp://x.test");

    assertThatThrownBy(() -> docket.jobs().submit(submitter, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "kind",
                        "queue",
                        "metadata",
                        "max_attempts",
                        "idempotency_key",
                        "webhook_url"));
    assertThat(all()).isEmpty();
  }

  @Test
  void aWorkerOnlyUserCannotSubmit() {
    assertThatThrownBy(() -> submit(worker, "ci", "build")).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> docket.jobs().submitBatch(worker, List.of(spec("ci", "build"))))
        .isInstanceOf(ForbiddenException.class);
    assertThat(all()).isEmpty();
  }

  @Test
  void aToolWithoutAUserCannotOwnJobs() {
    assertThatThrownBy(() -> submit(Actor.system("cli"), "ci", "build"))
        .isInstanceOf(ForbiddenException.class);
  }

  // ---- batches ---------------------------------------------------------------------------

  @Test
  void batchSubmitsEveryJobInOrder() {
    List<Job> jobs =
        docket
            .jobs()
            .submitBatch(
                submitter, List.of(spec("a", "one"), spec("b", "two"), spec("a", "three")));

    assertThat(jobs).extracting(Job::kind).containsExactly("one", "two", "three");
    assertThat(jobs).extracting(Job::queue).containsExactly("a", "b", "a");
    assertThat(jobs).allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.QUEUED));
    assertThat(all()).hasSize(3);
  }

  @Test
  void oneInvalidJobRejectsTheWholeBatchNamingItsIndex() {
    List<JobSpec> specs = List.of(spec("ci", "ok"), spec("ci", ""), spec("ci", "ok2"));

    assertValidation(() -> docket.jobs().submitBatch(submitter, specs), "jobs[1].kind");
    assertThat(all()).isEmpty();
  }

  @Test
  void everyInvalidJobOfABatchIsNamed() {
    List<JobSpec> specs = List.of(spec("BAD", "ok"), spec("ci", "ok"), spec("ci", null));

    assertThatThrownBy(() -> docket.jobs().submitBatch(submitter, specs))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("jobs[0].queue", "jobs[2].kind"));
  }

  @Test
  void anEmptyOrOversizedBatchIsRejected() {
    List<JobSpec> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(spec("ci", "k"));
    }

    assertValidation(() -> docket.jobs().submitBatch(submitter, List.of()), "jobs");
    assertValidation(() -> docket.jobs().submitBatch(submitter, tooMany), "jobs");
    assertThat(all()).isEmpty();
  }

  @Test
  void aBatchMayNotUseOneIdempotencyKeyTwice() {
    List<JobSpec> specs = List.of(keyed("a", "k1"), keyed("b", "k1"));

    assertValidation(() -> docket.jobs().submitBatch(submitter, specs), "jobs[1].idempotency_key");
    assertThat(all()).isEmpty();
  }

  @Test
  void aBatchReturnsAnEarlierJobForAReplayedKeyAndCreatesTheRest() {
    Job first = submit(submitter, keyed("a", "k1"));

    List<Job> jobs =
        docket.jobs().submitBatch(submitter, List.of(keyed("a", "k1"), keyed("b", "k2")));

    assertThat(jobs.get(0).id()).isEqualTo(first.id());
    assertThat(jobs.get(1).id()).isNotEqualTo(first.id());
    assertThat(all()).hasSize(2);
  }

  @Test
  void aBatchWithAKeyReusedForADifferentJobIsAConflictAndStoresNothing() {
    submit(submitter, keyed("a", "k1"));

    assertThatThrownBy(
            () ->
                docket
                    .jobs()
                    .submitBatch(submitter, List.of(keyed("new", "k2"), keyed("other", "k1"))))
        .isInstanceOf(ConflictException.class);
    assertThat(all()).hasSize(1);
  }

  // ---- idempotency -----------------------------------------------------------------------

  @Test
  void theSameKeyAndBodyReturnTheFirstJob() {
    SubmitResult first = docket.jobs().submit(submitter, keyed("build", "deploy-42"));

    SubmitResult again = docket.jobs().submit(submitter, keyed("build", "deploy-42"));

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.job().id()).isEqualTo(first.job().id());
    assertThat(all()).hasSize(1);
  }

  @Test
  void theSameKeyWithADifferentBodyIsAConflict() {
    submit(submitter, keyed("build", "deploy-42"));
    JobSpec other =
        new JobSpec("build", "ci", "{\"n\":2}", null, null, null, null, "deploy-42", null);

    assertThatThrownBy(() -> docket.jobs().submit(submitter, other))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("deploy-42");
    assertThat(all()).hasSize(1);
  }

  @Test
  void theSameKeyFromAnotherOwnerMakesAnotherJob() {
    Actor other = actor(Role.SUBMITTER);

    Job mine = submit(submitter, keyed("build", "shared"));
    SubmitResult theirs = docket.jobs().submit(other, keyed("build", "shared"));

    assertThat(theirs.created()).isTrue();
    assertThat(theirs.job().id()).isNotEqualTo(mine.id());
    assertThat(theirs.job().ownerId()).isEqualTo(other.userId());
  }

  @Test
  void theKeyStillAnswersAfterTheJobFinished() throws Exception {
    Job job = submit(submitter, keyed("build", "k"));
    docket.jobs().cancel(submitter, job.id());

    SubmitResult again = docket.jobs().submit(submitter, keyed("build", "k"));

    assertThat(again.created()).isFalse();
    assertThat(again.job().id()).isEqualTo(job.id());
    assertThat(again.job().status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void eightConcurrentSubmitsWithOneKeyMakeOneJob() throws Exception {
    ConcurrentLinkedQueue<SubmitResult> results = new ConcurrentLinkedQueue<>();

    runConcurrently(8, () -> results.add(docket.jobs().submit(submitter, keyed("build", "race"))));

    assertThat(results).hasSize(8);
    assertThat(results.stream().map(r -> r.job().id()).distinct()).hasSize(1);
    assertThat(results.stream().filter(SubmitResult::created)).hasSize(1);
    assertThat(all()).hasSize(1);
  }

  @Test
  void concurrentIdenticalBatchesWithKeysMakeEachJobOnce() throws Exception {
    List<JobSpec> batch = List.of(keyed("a", "b-1"), keyed("b", "b-2"), spec("ci", "unkeyed"));
    ConcurrentLinkedQueue<List<Job>> results = new ConcurrentLinkedQueue<>();

    runConcurrently(4, () -> results.add(docket.jobs().submitBatch(submitter, batch)));

    assertThat(results).hasSize(4);
    assertThat(results.stream().map(r -> r.get(0).id()).distinct()).hasSize(1);
    assertThat(results.stream().map(r -> r.get(1).id()).distinct()).hasSize(1);
    assertThat(all()).filteredOn(j -> j.idempotencyKey() != null).hasSize(2);
  }

  // ---- reading and listing ---------------------------------------------------------------

  @Test
  void anotherSubmittersJobIsNotFound() {
    Actor stranger = actor(Role.SUBMITTER, Role.WORKER);
    Job job = submit(submitter, "ci", "build");

    assertThatThrownBy(() -> docket.jobs().get(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.jobs().cancel(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
    docket.jobs().cancel(submitter, job.id());
    assertThatThrownBy(() -> docket.jobs().retry(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.jobs().delete(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(stored(job).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void anUnknownJobIsNotFound() {
    UUID unknown = UUID.fromString("01941a2b-0000-7000-8000-00000000dead");

    assertThatThrownBy(() -> docket.jobs().get(admin, unknown))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.jobs().cancel(admin, unknown))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.jobs().retry(admin, unknown))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.jobs().delete(admin, unknown))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void adminSeesAndManagesEveryonesJobs() {
    Job job = submit(submitter, "ci", "build");

    assertThat(docket.jobs().get(admin, job.id()).id()).isEqualTo(job.id());
    assertThat(docket.jobs().cancel(admin, job.id()).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(docket.jobs().retry(admin, job.id()).status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void aSubmitterListsOnlyItsOwnJobs() {
    Actor other = actor(Role.SUBMITTER);
    Job mine = submit(submitter, "ci", "a");
    submit(other, "ci", "b");

    List<Job> listed =
        docket
            .jobs()
            .list(submitter, new JobQuery(null, null, null, null, null, null, null, 50))
            .items();
    List<Job> own = docket.jobs().list(submitter, byOwner(submitter.userId())).items();

    assertThat(listed).extracting(Job::id).containsExactly(mine.id());
    assertThat(own).extracting(Job::id).containsExactly(mine.id());
  }

  @Test
  void aSubmitterPagesThroughItsOwnJobsNewestFirstWhileOthersJobsInterleave() {
    Actor other = actor(Role.SUBMITTER);
    List<UUID> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(0, submit(submitter, "ci", "k" + i).id());
      submit(other, "ci", "theirs" + i);
    }
    List<UUID> seen = new ArrayList<>();
    UUID after = null;
    int pages = 0;

    do {
      dev.docket.ports.Page<Job> page =
          docket.jobs().list(submitter, new JobQuery(null, null, null, null, null, null, after, 2));
      page.items().forEach(j -> seen.add(j.id()));
      after = page.nextCursor() == null ? null : UUID.fromString(page.nextCursor());
      pages++;
    } while (after != null && pages < 10);

    assertThat(seen).containsExactlyElementsOf(mine);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void aSubmitterAskingForAnotherOwnersJobsIsForbidden() {
    Actor other = actor(Role.SUBMITTER);
    submit(other, "ci", "b");

    assertThatThrownBy(() -> docket.jobs().list(submitter, byOwner(other.userId())))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void adminListsEveryonesJobsAndMayFilterByOwner() {
    Actor other = actor(Role.SUBMITTER);
    Job a = submit(submitter, "ci", "a");
    Job b = submit(other, "ci", "b");

    List<Job> everyone =
        docket
            .jobs()
            .list(admin, new JobQuery(null, null, null, null, null, null, null, 50))
            .items();
    List<Job> filtered = docket.jobs().list(admin, byOwner(other.userId())).items();

    assertThat(everyone).extracting(Job::id).containsExactly(b.id(), a.id());
    assertThat(filtered).extracting(Job::id).containsExactly(b.id());
  }

  @Test
  void listFiltersByStatusQueueAndKind() {
    Job a = submit(submitter, "q1", "x");
    Job b = submit(submitter, "q2", "x");
    Job c = submit(submitter, "q1", "y");
    docket.jobs().cancel(submitter, a.id());

    List<Job> cancelled =
        docket
            .jobs()
            .list(
                submitter,
                new JobQuery(null, Set.of(JobStatus.CANCELLED), null, null, null, null, null, 50))
            .items();
    List<Job> q1 =
        docket
            .jobs()
            .list(submitter, new JobQuery(null, null, "q1", null, null, null, null, 50))
            .items();
    List<Job> kindX =
        docket
            .jobs()
            .list(submitter, new JobQuery(null, null, null, "x", null, null, null, 50))
            .items();

    assertThat(cancelled).extracting(Job::id).containsExactly(a.id());
    assertThat(q1).extracting(Job::id).containsExactly(c.id(), a.id());
    assertThat(kindX).extracting(Job::id).containsExactly(b.id(), a.id());
  }

  @Test
  void aWorkerOnlyUserCannotList() {
    assertThatThrownBy(
            () ->
                docket
                    .jobs()
                    .list(worker, new JobQuery(null, null, null, null, null, null, null, 10)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void statusNamesInAListFilterParseFromRepeatedAndCommaSeparatedValues() {
    assertThat(JobService.statuses("status", List.of("queued,running", " failed ")))
        .containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.FAILED);
    assertValidation(() -> JobService.statuses("status", List.of("done")), "status");
  }

  // ---- cancel, retry, delete -------------------------------------------------------------

  @Test
  void cancelAQueuedJob() {
    Job job = submit(submitter, "ci", "build");

    Job cancelled = docket.jobs().cancel(submitter, job.id());

    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.finishedAt()).isNotNull();
    assertThat(stored(job).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(docket.events().list(submitter, job.id(), 0, 10))
        .extracting(JobEvent::type)
        .containsExactly("status", "status");
  }

  @Test
  void cancelOfATerminalJobIsAnIllegalTransition() {
    Job job = submit(submitter, "ci", "build");
    docket.jobs().cancel(submitter, job.id());

    assertThatThrownBy(() -> docket.jobs().cancel(submitter, job.id()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void retryOfAQueuedOrRunningJobIsAnIllegalTransition() throws Exception {
    Job queued = submit(submitter, "q1", "build");
    Job running = submit(submitter, "q2", "build");
    claimOne(worker, "q2");

    assertThatThrownBy(() -> docket.jobs().retry(submitter, queued.id()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> docket.jobs().retry(submitter, running.id()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void retryOfASucceededJobIsAnIllegalTransition() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job claimed = claimOne(worker, "ci");
    docket.workers().complete(worker, job.id(), claimed.leaseToken(), null);

    assertThatThrownBy(() -> docket.jobs().retry(submitter, job.id()))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void retryOfACancelledJobQueuesItAgainFromAttemptZero() throws Exception {
    Job job = submit(submitter, "ci", "build");
    claimOne(worker, "ci");
    docket.jobs().cancel(submitter, job.id());

    Job retried = docket.jobs().retry(submitter, job.id());

    assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(retried.attempt()).isZero();
    assertThat(retried.finishedAt()).isNull();
    assertThat(claimOne(worker, "ci").attempt()).isEqualTo(1);
  }

  @Test
  void retryOfAFailedJob() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job claimed = claimOne(worker, "ci");
    docket.workers().fail(worker, job.id(), claimed.leaseToken(), "broken", false);

    Job retried = docket.jobs().retry(submitter, job.id());

    assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(retried.error()).isNull();
  }

  @Test
  void deleteOfAQueuedOrRunningJobIsAnIllegalTransition() throws Exception {
    Job queued = submit(submitter, "q1", "build");
    Job running = submit(submitter, "q2", "build");
    claimOne(worker, "q2");

    assertThatThrownBy(() -> docket.jobs().delete(submitter, queued.id()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> docket.jobs().delete(submitter, running.id()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(all()).hasSize(2);
  }

  @Test
  void deleteOfATerminalJobRemovesItWithItsEventsAndIsAudited() {
    Job job = submit(submitter, "ci", "build");
    docket.jobs().cancel(submitter, job.id());

    docket.jobs().delete(submitter, job.id());

    assertThatThrownBy(() -> docket.jobs().get(submitter, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(store.events().list(job.id(), 0, 10)).isEmpty();
    assertThat(
            docket
                .audit()
                .list(admin, new AuditQuery("job.delete", null, null, null, null, 10))
                .items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.resourceId()).isEqualTo(job.id().toString());
              assertThat(e.actorId()).isEqualTo(submitter.id());
            });
  }

  @Test
  void aWorkerOnlyUserCannotCancelRetryOrDelete() {
    Job job = submit(submitter, "ci", "build");

    assertThatThrownBy(() -> docket.jobs().cancel(worker, job.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> docket.jobs().retry(worker, job.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> docket.jobs().delete(worker, job.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(stored(job).status()).isEqualTo(JobStatus.QUEUED);
  }

  // ---- stats -----------------------------------------------------------------------------

  @Test
  void statsOfASubmitterCountOnlyItsOwnJobs() throws Exception {
    Actor other = actor(Role.SUBMITTER);
    submit(submitter, "q1", "a");
    Job toCancel = submit(submitter, "q2", "a");
    docket.jobs().cancel(submitter, toCancel.id());
    submit(other, "q1", "b");

    JobStats mine = docket.jobs().stats(submitter, null, null);
    JobStats all = docket.jobs().stats(admin, null, null);

    assertThat(mine.byStatus())
        .containsEntry(JobStatus.QUEUED, 1L)
        .containsEntry(JobStatus.CANCELLED, 1L)
        .containsEntry(JobStatus.RUNNING, 0L)
        .containsEntry(JobStatus.SUCCEEDED, 0L)
        .containsEntry(JobStatus.FAILED, 0L);
    assertThat(all.byStatus())
        .containsEntry(JobStatus.QUEUED, 2L)
        .containsEntry(JobStatus.CANCELLED, 1L);
    assertThat(mine.successRate()).isNull();
  }

  @Test
  void statsMayBeLimitedToAQueueAndATime() {
    submit(submitter, "q1", "a");
    submit(submitter, "q2", "a");
    submit(submitter, "q2", "a");

    JobStats q2 = docket.jobs().stats(submitter, "q2", null);
    JobStats future = docket.jobs().stats(submitter, null, Instant.now().plusSeconds(3600));

    assertThat(q2.byStatus()).containsEntry(JobStatus.QUEUED, 2L);
    assertThat(future.byStatus()).containsEntry(JobStatus.QUEUED, 0L);
  }

  @Test
  void statsCountSuccessesAndFailures() throws Exception {
    Job ok = submit(submitter, "q", "a");
    Job claimed = claimOne(worker, "q");
    docket.workers().complete(worker, ok.id(), claimed.leaseToken(), "{}");
    Job bad = submit(submitter, "q", "a");
    claimed = claimOne(worker, "q");
    docket.workers().fail(worker, bad.id(), claimed.leaseToken(), "x", false);

    JobStats stats = docket.jobs().stats(submitter, null, null);

    assertThat(stats.byStatus())
        .containsEntry(JobStatus.SUCCEEDED, 1L)
        .containsEntry(JobStatus.FAILED, 1L);
    assertThat(stats.successRate()).isEqualTo(0.5);
    assertThat(stats.avgDurationSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void aWorkerOnlyUserHasNoStats() {
    assertThatThrownBy(() -> docket.jobs().stats(worker, null, null))
        .isInstanceOf(ForbiddenException.class);
  }
}
