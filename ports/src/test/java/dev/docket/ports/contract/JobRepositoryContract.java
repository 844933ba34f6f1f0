package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Ids;
import dev.docket.domain.IllegalTransitionException;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Lease;
import dev.docket.domain.LeaseLostException;
import dev.docket.domain.Transition;
import dev.docket.domain.User;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.ConflictException;
import dev.docket.ports.IdempotentJob;
import dev.docket.ports.JobChange;
import dev.docket.ports.JobQuery;
import dev.docket.ports.NewJob;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link dev.docket.ports.JobRepository} must have. Besides what the port's
 * Javadoc says, the contract fixes: JSON text is stored verbatim (a store may check it, never
 * reformat it); {@code claim} returns the jobs in claim order; every {@code update}/{@code claim}
 * returns what was stored.
 */
public abstract class JobRepositoryContract extends StoreContract {

  private static final JobChange RESCUE = (j, now) -> j.expireLease(now, Duration.ZERO);

  private static JobSpec fullSpec(String idempotencyKey) {
    return new JobSpec(
        "kind – ünïcode 世界",
        "q.round-trip_1",
        "{\"text\":\"héllo – 世界 🎉\",\"n\":[1,2.5,null,true],\"esc\":\"q\\\" b\\\\ nl\\n\"}",
        "{\"team\":\"zoë\",\"empty\":{}}",
        -7,
        T0.plusMillis(123),
        9,
        idempotencyKey,
        "https://hooks.example.test/x?y=1&z=ü");
  }

  private Job find(Job job) {
    return store.jobs().find(job.id()).orElseThrow();
  }

  private Transition update(Job job, JobChange change) {
    return store.jobs().update(job.id(), change);
  }

  private List<Job> claim(String queue, int limit, List<String> kinds, String prefer) {
    return store
        .jobs()
        .claim(
            new ClaimQuery(queue, limit, kinds, prefer),
            claimChange(owner(), "w", Duration.ofMinutes(10)));
  }

  private User owner;

  private User owner() {
    if (owner == null) {
      owner = insertUser();
    }
    return owner;
  }

  // ---- now, insert, find -------------------------------------------------------------------

  @Test
  void nowIsTheCurrentTimeToTheMillisecond() {
    Instant before = Instant.now().minusSeconds(5);
    Instant now = store.jobs().now();

    assertThat(now.getNano() % 1_000_000).isZero();
    assertThat(now).isBetween(before, Instant.now().plusSeconds(5));
  }

  @Test
  void insertedJobRoundTripsEveryField() {
    NewJob created = newJob(owner(), fullSpec("idem-ключ-🎉"), T0, "request-hash-1");

    List<Job> inserted = store.jobs().insert(List.of(created));

    assertThat(inserted).containsExactly(created.creation().job());
    Job stored = find(created.creation().job());
    assertThat(stored).isEqualTo(created.creation().job());
    assertThat(stored.payload()).isEqualTo(fullSpec(null).payload());
    assertThat(stored.webhookUrl()).isEqualTo("https://hooks.example.test/x?y=1&z=ü");
  }

  @Test
  void runningSucceededAndFailedJobsRoundTripEveryField() {
    Job job = insertJob(owner(), fullSpec("a"));
    User claimant = insertUser();
    String token = Lease.newToken();

    Job running =
        store
            .jobs()
            .claim(
                new ClaimQuery(job.queue(), 1, null, null),
                (j, now) ->
                    j.claim(claimant.id(), "wörker-1 🎉", token, now, Duration.ofMinutes(7)))
            .get(0);
    assertThat(find(job)).isEqualTo(running);
    assertThat(running.leasedBy()).isEqualTo(claimant.id());
    assertThat(running.leaseToken()).isEqualTo(token);
    assertThat(running.workerId()).isEqualTo("wörker-1 🎉");
    assertThat(running.startedAt()).isNotNull();
    assertThat(running.leaseExpiresAt()).isEqualTo(running.startedAt().plus(Duration.ofMinutes(7)));

    Job beating = update(job, (j, now) -> j.heartbeat(token, now, 33.333, null)).job();
    assertThat(find(job)).isEqualTo(beating);
    assertThat(beating.progress()).isEqualTo(33.333);

    String result = "{\"out\":\"résultat 🎉\",\"list\":[1,2,3],\"nothing\":null}";
    Job done = update(job, (j, now) -> j.complete(token, now, result)).job();
    assertThat(find(job)).isEqualTo(done);
    assertThat(done.result()).isEqualTo(result);
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.leaseExpiresAt()).isNull();

    Job other = insertJob(owner(), fullSpec("b"));
    String t2 = claimOnly(other, claimChange(claimant, "w2", Duration.ofMinutes(1))).leaseToken();
    String error = "Fehler: ünïcode 🎉\nline 2\t\"quoted\"";
    Job failed = update(other, (j, now) -> j.fail(t2, now, error, false, Duration.ZERO)).job();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(find(other)).isEqualTo(failed);
    assertThat(find(other).error()).isEqualTo(error);
  }

  @Test
  void jobWithNullOptionalFieldsRoundTrips() {
    Job job = insertJob(owner(), spec("q", "k"));

    Job stored = find(job);

    assertThat(stored).isEqualTo(job);
    assertThat(stored.result()).isNull();
    assertThat(stored.error()).isNull();
    assertThat(stored.startedAt()).isNull();
    assertThat(stored.finishedAt()).isNull();
    assertThat(stored.workerId()).isNull();
    assertThat(stored.leasedBy()).isNull();
    assertThat(stored.leaseToken()).isNull();
    assertThat(stored.leaseExpiresAt()).isNull();
    assertThat(stored.idempotencyKey()).isNull();
    assertThat(stored.webhookUrl()).isNull();
  }

  @Test
  void instantsRoundTripWithoutDriftIncludingTheYear9999() {
    List<Instant> instants =
        List.of(
            Instant.parse("1970-01-01T00:00:00.001Z"),
            Instant.parse("2000-02-29T12:00:00.500Z"),
            Instant.parse("2024-03-31T01:30:00.456Z"),
            Instant.parse("2024-10-27T00:59:59.999Z"),
            Instant.parse("2038-01-19T03:14:08.001Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"));
    for (Instant at : instants) {
      Job job = insertJob(owner(), spec("t", "k", 0, at), at);
      Job stored = find(job);
      assertThat(stored.runAt()).isEqualTo(at);
      assertThat(stored.createdAt()).isEqualTo(at);
      assertThat(stored.updatedAt()).isEqualTo(at);
      assertThat(store.events().list(job.id(), 0, 1).get(0).at()).isEqualTo(at);
    }

    Job farLease = insertJob(owner(), spec("far", "k"));
    Instant far = Instant.parse("9999-12-31T22:00:00.001Z");
    Job claimed = claimOnly(farLease, claimAt(owner(), far, Duration.ofMinutes(90)));
    assertThat(find(farLease).startedAt()).isEqualTo(far);
    assertThat(find(farLease).leaseExpiresAt())
        .isEqualTo(Instant.parse("9999-12-31T23:30:00.001Z"))
        .isEqualTo(claimed.leaseExpiresAt());
  }

  @Test
  void absentJobIsEmptyOrNotFound() {
    UUID missing = UUID.randomUUID();

    assertThat(store.jobs().find(missing)).isEmpty();
    assertThat(store.jobs().findByIdempotencyKey(owner().id(), "nope")).isEmpty();
    assertThat(store.jobs().deleteTerminal(missing)).isFalse();
    assertThatThrownBy(() -> store.jobs().update(missing, (j, now) -> j.cancel(now)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void insertOfABatchReturnsTheJobsInOrder() {
    List<NewJob> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(newJob(owner(), spec("batch", "k" + i), T0));
    }

    List<Job> inserted = store.jobs().insert(batch);

    assertThat(inserted)
        .containsExactlyElementsOf(batch.stream().map(n -> n.creation().job()).toList());
    for (Job j : inserted) {
      assertThat(find(j)).isEqualTo(j);
      assertThat(store.events().list(j.id(), 0, 10)).hasSize(1);
    }
  }

  // ---- idempotency ---------------------------------------------------------------------------

  @Test
  void idempotencyKeyFindsTheJobWithItsRequestHash() {
    NewJob created = newJob(owner(), fullSpec("build-42"), T0, "sha256:abc");
    store.jobs().insert(List.of(created));

    IdempotentJob found = store.jobs().findByIdempotencyKey(owner().id(), "build-42").orElseThrow();

    assertThat(found.job()).isEqualTo(created.creation().job());
    assertThat(found.requestHash()).isEqualTo("sha256:abc");
    assertThat(store.jobs().findByIdempotencyKey(insertUser().id(), "build-42")).isEmpty();
  }

  @Test
  void sameOwnerAndIdempotencyKeyIsAConflict() {
    Job first = insertJob(owner(), fullSpec("dup"));
    NewJob again = newJob(owner(), fullSpec("dup"), T0, "other");

    assertThatThrownBy(() -> store.jobs().insert(List.of(again)))
        .isInstanceOf(ConflictException.class);
    assertThat(store.jobs().find(again.creation().job().id())).isEmpty();
    assertThat(store.jobs().findByIdempotencyKey(owner().id(), "dup").orElseThrow().job())
        .isEqualTo(first);
  }

  @Test
  void sameIdempotencyKeyOfAnotherOwnerIsFine() {
    insertJob(owner(), fullSpec("shared"));
    User other = insertUser();

    Job second = insertJob(other, fullSpec("shared"));

    assertThat(store.jobs().findByIdempotencyKey(other.id(), "shared").orElseThrow().job())
        .isEqualTo(second);
  }

  @Test
  void aBatchWithAConflictInsertsNothing() {
    insertJob(owner(), fullSpec("taken"));
    NewJob fresh = newJob(owner(), fullSpec("fresh"), T0);
    NewJob plain = newJob(owner(), spec("q", "k"), T0);
    NewJob clash = newJob(owner(), fullSpec("taken"), T0);

    assertThatThrownBy(() -> store.jobs().insert(List.of(fresh, plain, clash)))
        .isInstanceOf(ConflictException.class);

    assertThat(store.jobs().find(fresh.creation().job().id())).isEmpty();
    assertThat(store.jobs().find(plain.creation().job().id())).isEmpty();
    assertThat(store.jobs().findByIdempotencyKey(owner().id(), "fresh")).isEmpty();
    assertThat(store.events().list(plain.creation().job().id(), 0, 10)).isEmpty();
  }

  @Test
  void aBatchRepeatingAKeyInsertsNothing() {
    NewJob a = newJob(owner(), fullSpec("twice"), T0);
    NewJob b = newJob(owner(), fullSpec("twice"), T0);

    assertThatThrownBy(() -> store.jobs().insert(List.of(a, b)))
        .isInstanceOf(ConflictException.class);

    assertThat(store.jobs().find(a.creation().job().id())).isEmpty();
    assertThat(store.jobs().find(b.creation().job().id())).isEmpty();
  }

  // ---- update -------------------------------------------------------------------------------

  @Test
  void updateStoresTheTransitionAndReturnsIt() {
    Job job = insertJob(owner(), spec("q", "k"));

    Transition t = update(job, (j, now) -> j.cancel(now));

    assertThat(t.job().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(t.job().version()).isEqualTo(job.version() + 1);
    assertThat(find(job)).isEqualTo(t.job());
    assertThat(store.events().list(job.id(), 0, 10)).hasSize(2).endsWith(t.events().get(0));
  }

  @Test
  void updateHandsTheChangeTheStoredJobAndTheStoreClock() {
    Job job = insertJob(owner(), spec("q", "k"));
    update(job, appendLog("x"));
    Job[] seen = new Job[1];
    Instant[] clock = new Instant[1];
    Instant before = store.jobs().now();

    update(
        job,
        (j, now) -> {
          seen[0] = j;
          clock[0] = now;
          return Transition.unchanged(j);
        });

    assertThat(seen[0]).isEqualTo(find(job));
    assertThat(seen[0].eventCount()).isEqualTo(2);
    assertThat(clock[0]).isBetween(before, store.jobs().now());
    assertThat(clock[0].getNano() % 1_000_000).isZero();
  }

  @Test
  void aChangeThatThrowsWritesNothingAndItsExceptionPassesThrough() {
    Job job = insertJob(owner(), spec("q", "k"));
    update(job, appendLog("before"));
    Job before = find(job);
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                update(
                    job,
                    (j, now) -> {
                      j.cancel(now); // computed, then abandoned
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThatThrownBy(() -> update(job, (j, now) -> j.retry(now)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> update(job, (j, now) -> j.complete("lt_wrong", now, null)))
        .isInstanceOf(LeaseLostException.class);

    assertThat(find(job)).isEqualTo(before);
    assertThat(store.events().list(job.id(), 0, 100)).hasSize(2);
  }

  // ---- claim --------------------------------------------------------------------------------

  @Test
  void claimTakesPreferredKindThenPriorityThenRunAtThenId() {
    Job a = insertJob(owner(), spec("order", "gpu", 0, T0.plusSeconds(1)));
    Job b = insertJob(owner(), spec("order", "cpu", 5, T0.plusSeconds(2)));
    Job c = insertJob(owner(), spec("order", "cpu", 5, T0.plusSeconds(1)));
    Job d = insertJob(owner(), spec("order", "cpu", 5, T0.plusSeconds(2)));
    Job e = insertJob(owner(), spec("order", "cpu", -1, T0));
    Job f = insertJob(owner(), spec("order", "gpu", 9, T0.plusSeconds(3)));
    assertThat(b.id()).isLessThan(d.id());

    List<UUID> order = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      order.add(claim("order", 1, null, "gpu").get(0).id());
    }

    assertThat(order).containsExactly(f.id(), a.id(), c.id(), b.id(), d.id(), e.id());
    assertThat(claim("order", 1, null, "gpu")).isEmpty();
  }

  @Test
  void claimWithoutPreferenceIsByPriorityThenRunAtThenIdAndReturnsThatOrder() {
    Job a = insertJob(owner(), spec("order", "gpu", 0, T0.plusSeconds(1)));
    Job b = insertJob(owner(), spec("order", "cpu", 5, T0.plusSeconds(2)));
    Job c = insertJob(owner(), spec("order", "cpu", 5, T0.plusSeconds(1)));
    Job d = insertJob(owner(), spec("order", "cpu", 5, T0.plusSeconds(2)));
    Job e = insertJob(owner(), spec("order", "cpu", -1, T0));
    Job f = insertJob(owner(), spec("order", "gpu", 9, T0.plusSeconds(3)));

    List<Job> claimed = claim("order", 10, null, null);

    assertThat(claimed)
        .extracting(Job::id)
        .containsExactly(f.id(), c.id(), b.id(), d.id(), a.id(), e.id());
    assertThat(claimed).allSatisfy(j -> assertThat(find(j)).isEqualTo(j));
  }

  @Test
  void claimTakesOnlyQueuedJobsOfTheQueueWhoseRunAtHasCome() {
    Job due = insertJob(owner(), spec("q", "k", 0, store.jobs().now().minusMillis(1)));
    insertJob(owner(), spec("q", "k", 0, store.jobs().now().plusSeconds(3600)));
    insertJob(owner(), spec("q", "k", 0, Instant.parse("9999-12-31T23:59:59.999Z")));
    insertJob(owner(), spec("other", "k"));
    Job cancelled = insertJob(owner(), spec("q", "k", 100, T0));
    update(cancelled, (j, now) -> j.cancel(now));

    List<Job> claimed = claim("q", 10, null, null);

    assertThat(claimed).extracting(Job::id).containsExactly(due.id());
    assertThat(claimed.get(0).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(claim("q", 10, null, null)).isEmpty();
    assertThat(claim("empty-queue", 10, null, null)).isEmpty();
  }

  @Test
  void claimHonoursKindsAndLimit() {
    Job a1 = insertJob(owner(), spec("kinds", "a", 3, T0));
    Job a2 = insertJob(owner(), spec("kinds", "a", 2, T0));
    Job b1 = insertJob(owner(), spec("kinds", "b", 1, T0));
    Job c1 = insertJob(owner(), spec("kinds", "c", 9, T0));

    assertThat(claim("kinds", 2, List.of("a", "b"), null))
        .extracting(Job::id)
        .containsExactly(a1.id(), a2.id());
    assertThat(claim("kinds", 5, List.of("a", "b"), "c"))
        .extracting(Job::id)
        .containsExactly(b1.id());
    assertThat(claim("kinds", 5, List.of("a", "b"), null)).isEmpty();
    assertThat(claim("kinds", 5, List.of(), null)).extracting(Job::id).containsExactly(c1.id());
  }

  @Test
  void claimWritesTheClaimWithItsStatusEvent() {
    Job job = insertJob(owner(), spec("q", "k"));

    Job claimed = claim("q", 1, null, null).get(0);

    assertThat(claimed.attempt()).isEqualTo(1);
    assertThat(claimed.eventCount()).isEqualTo(2);
    assertThat(claimed.version()).isEqualTo(job.version() + 1);
    List<JobEvent> events = store.events().list(job.id(), 0, 10);
    assertThat(events).hasSize(2);
    assertThat(events.get(1).type()).isEqualTo(JobEvent.STATUS);
    assertThat(events.get(1).data()).contains("\"to\":\"running\"");
  }

  @Test
  void aClaimWhoseChangeThrowsClaimsNothing() {
    List<Job> jobs = insertJobs(owner(), "abort", "k", 3);
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("second job refused");

    assertThatThrownBy(
            () ->
                store
                    .jobs()
                    .claim(
                        new ClaimQuery("abort", 3, null, null),
                        (j, now) -> {
                          if (calls.incrementAndGet() == 2) {
                            throw boom;
                          }
                          return j.claim(owner().id(), "w", Lease.newToken(), now, Lease.DEFAULT);
                        }))
        .isSameAs(boom);

    for (Job j : jobs) {
      assertThat(find(j)).isEqualTo(j);
      assertThat(store.events().list(j.id(), 0, 10)).hasSize(1);
    }
  }

  @Test
  void eightConcurrentClaimersGetEachOf2000JobsExactlyOnce() throws Exception {
    List<Job> jobs = insertJobs(owner(), "race", "k", 2000);
    Map<UUID, AtomicInteger> handedOut = new ConcurrentHashMap<>();

    runConcurrently(
        8,
        () -> {
          while (true) {
            List<Job> got = claim("race", 10, null, null);
            if (got.isEmpty()) {
              return;
            }
            got.forEach(
                j ->
                    handedOut.computeIfAbsent(j.id(), id -> new AtomicInteger()).incrementAndGet());
          }
        });

    assertThat(handedOut).hasSize(2000);
    assertThat(handedOut.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(handedOut.keySet())
        .containsExactlyInAnyOrderElementsOf(jobs.stream().map(Job::id).toList());
    Page<Job> running =
        store
            .jobs()
            .list(
                new JobQuery(
                    null, Set.of(JobStatus.RUNNING), "race", null, null, null, null, 5000));
    assertThat(running.items())
        .hasSize(2000)
        .allSatisfy(
            j -> {
              assertThat(j.attempt()).isEqualTo(1);
              assertThat(j.eventCount()).isEqualTo(2);
            });
  }

  // ---- leases and rescue --------------------------------------------------------------------

  @Test
  void aWorkerWithAStaleLeaseCannotOverwriteTheCurrentHoldersOutcome() {
    Job job = insertJob(owner(), spec("lease", "k"));
    String oldToken = Lease.newToken();
    claimOnly(job, (j, now) -> j.claim(owner().id(), "old", oldToken, now, Duration.ofMillis(200)));
    sleep(Duration.ofMillis(350));

    List<Job> rescued = store.jobs().rescueExpired(10, RESCUE);
    assertThat(rescued).extracting(Job::id).containsExactly(job.id());
    assertThat(rescued.get(0).status()).isEqualTo(JobStatus.QUEUED);
    assertThatThrownBy(() -> update(job, (j, now) -> j.heartbeat(oldToken, now, null, null)))
        .isInstanceOf(LeaseLostException.class);

    String newToken = Lease.newToken();
    claimOnly(job, (j, now) -> j.claim(owner().id(), "new", newToken, now, Duration.ofMinutes(10)));
    assertThatThrownBy(() -> update(job, (j, now) -> j.complete(oldToken, now, "{\"by\":\"old\"}")))
        .isInstanceOf(LeaseLostException.class);
    update(job, (j, now) -> j.complete(newToken, now, "{\"by\":\"new\"}"));
    assertThatThrownBy(() -> update(job, (j, now) -> j.complete(oldToken, now, "{\"by\":\"old\"}")))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(
            () -> update(job, (j, now) -> j.fail(oldToken, now, "x", false, Duration.ZERO)))
        .isInstanceOf(LeaseLostException.class);

    Job stored = find(job);
    assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(stored.result()).isEqualTo("{\"by\":\"new\"}");
    assertThat(stored.workerId()).isEqualTo("new");
    assertThat(stored.attempt()).isEqualTo(2);
    assertThat(store.events().list(job.id(), 0, 100)).hasSize((int) stored.eventCount());
  }

  @Test
  void rescueTakesOnlyRunningJobsWhoseLeaseExpired() {
    Job expired = insertJob(owner(), spec("r1", "k"));
    Job live = insertJob(owner(), spec("r2", "k"));
    Job queued = insertJob(owner(), spec("r3", "k"));
    Job finished = insertJob(owner(), spec("r4", "k"));
    claimOnly(expired, claimAt(owner(), T0, Duration.ofMinutes(1)));
    claimOnly(live, claimChange(owner(), "w", Duration.ofMinutes(10)));
    String t = claimOnly(finished, claimAt(owner(), T0, Duration.ofMinutes(1))).leaseToken();
    update(finished, (j, now) -> j.complete(t, T0.plusSeconds(1), null));

    List<Job> rescued = store.jobs().rescueExpired(10, RESCUE);

    assertThat(rescued).extracting(Job::id).containsExactly(expired.id());
    Job stored = find(expired);
    assertThat(rescued.get(0)).isEqualTo(stored);
    assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(stored.error()).isEqualTo(Job.LEASE_EXPIRED);
    assertThat(stored.leaseToken()).isNull();
    assertThat(find(live).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(find(queued)).isEqualTo(queued);
    assertThat(find(finished).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(store.jobs().rescueExpired(10, RESCUE)).isEmpty();
  }

  @Test
  void rescueHonoursItsLimit() {
    List<Job> jobs = insertJobs(owner(), "limit", "k", 5);
    store
        .jobs()
        .claim(new ClaimQuery("limit", 5, null, null), claimAt(owner(), T0, Duration.ofMinutes(1)));

    assertThat(store.jobs().rescueExpired(2, RESCUE)).hasSize(2);
    assertThat(store.jobs().rescueExpired(2, RESCUE)).hasSize(2);
    assertThat(store.jobs().rescueExpired(2, RESCUE)).hasSize(1);
    assertThat(store.jobs().rescueExpired(2, RESCUE)).isEmpty();
    assertThat(jobs).allSatisfy(j -> assertThat(find(j).status()).isEqualTo(JobStatus.QUEUED));
  }

  @Test
  void fourConcurrentRescuersRescueEachExpiredJobExactlyOnce() throws Exception {
    List<Job> jobs = insertJobs(owner(), "rescue", "k", 200);
    store
        .jobs()
        .claim(
            new ClaimQuery("rescue", 200, null, null), claimAt(owner(), T0, Duration.ofMinutes(1)));
    Map<UUID, AtomicInteger> rescued = new ConcurrentHashMap<>();

    runConcurrently(
        4,
        () -> {
          while (true) {
            List<Job> got = store.jobs().rescueExpired(7, RESCUE);
            if (got.isEmpty()) {
              return;
            }
            got.forEach(
                j -> rescued.computeIfAbsent(j.id(), id -> new AtomicInteger()).incrementAndGet());
          }
        });

    assertThat(rescued).hasSize(200);
    assertThat(rescued.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    for (Job j : jobs) {
      Job stored = find(j);
      assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(stored.eventCount()).isEqualTo(3);
    }
  }

  // ---- list ---------------------------------------------------------------------------------

  private List<UUID> ids(JobQuery q) {
    return store.jobs().list(q).items().stream().map(Job::id).toList();
  }

  private static JobQuery query(
      UUID owner,
      Set<JobStatus> statuses,
      String queue,
      String kind,
      Instant since,
      Instant until) {
    return new JobQuery(owner, statuses, queue, kind, since, until, null, 100);
  }

  @Test
  void listFiltersByOwnerStatusQueueKindAndCreationTime() {
    User a = owner();
    User b = insertUser();
    Job j1 = insertJob(a, spec("q1", "k1"), T0);
    Job j2 = insertJob(a, spec("q1", "k2"), T0.plusSeconds(60));
    Job j3 = insertJob(a, spec("q2", "k1"), T0.plusSeconds(120));
    Job j4 = insertJob(b, spec("q1", "k1"), T0.plusSeconds(180));
    Job j5 = insertJob(b, spec("q2", "k2"), T0.plusSeconds(240));
    claim("q1", 1, List.of("k2"), null);
    String t5 = claim("q2", 1, List.of("k2"), null).get(0).leaseToken();
    update(j5, (j, now) -> j.complete(t5, now, null));
    update(j3, (j, now) -> j.cancel(now));

    assertThat(ids(query(null, null, null, null, null, null)))
        .containsExactly(j5.id(), j4.id(), j3.id(), j2.id(), j1.id());
    assertThat(ids(query(a.id(), null, null, null, null, null)))
        .containsExactly(j3.id(), j2.id(), j1.id());
    assertThat(ids(query(null, Set.of(JobStatus.QUEUED), null, null, null, null)))
        .containsExactly(j4.id(), j1.id());
    assertThat(
            ids(
                query(
                    null, Set.of(JobStatus.RUNNING, JobStatus.SUCCEEDED), null, null, null, null)))
        .containsExactly(j5.id(), j2.id());
    assertThat(ids(query(null, null, "q2", null, null, null))).containsExactly(j5.id(), j3.id());
    assertThat(ids(query(null, null, null, "k1", null, null)))
        .containsExactly(j4.id(), j3.id(), j1.id());
    assertThat(ids(query(null, null, null, null, T0.plusSeconds(60), null)))
        .containsExactly(j5.id(), j4.id(), j3.id(), j2.id());
    assertThat(ids(query(null, null, null, null, null, T0.plusSeconds(180))))
        .containsExactly(j3.id(), j2.id(), j1.id());
    assertThat(ids(query(null, null, null, null, T0.plusSeconds(60), T0.plusSeconds(180))))
        .containsExactly(j3.id(), j2.id());
    assertThat(ids(query(a.id(), Set.of(JobStatus.QUEUED), "q1", "k1", T0, T0.plusSeconds(1))))
        .containsExactly(j1.id());
    assertThat(ids(query(b.id(), Set.of(JobStatus.FAILED), null, null, null, null))).isEmpty();
  }

  @Test
  void listedJobsCarryEveryField() {
    Job job = insertJob(owner(), fullSpec("listed"));

    assertThat(store.jobs().list(query(null, null, null, null, null, null)).items())
        .containsExactly(job);
  }

  @Test
  void cursorPagesNeverSkipOrRepeatWhileJobsAreInserted() {
    List<Job> original = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      original.add(insertJob(owner(), spec("page", "k"), T0.plusMillis(i)));
    }
    insertJob(owner(), spec("elsewhere", "k"), T0.plusMillis(5));
    List<UUID> expected = original.stream().map(Job::id).sorted().toList().reversed();

    List<UUID> seen = new ArrayList<>();
    UUID after = null;
    int pages = 0;
    while (true) {
      Page<Job> page =
          store.jobs().list(new JobQuery(owner().id(), null, "page", null, null, null, after, 6));
      page.items().forEach(j -> seen.add(j.id()));
      pages++;
      for (int i = 0; i < 3; i++) {
        insertJob(owner(), spec("page", "k"), store.jobs().now());
      }
      if (page.nextCursor() == null) {
        break;
      }
      assertThat(page.items()).hasSize(6);
      assertThat(page.nextCursor()).isEqualTo(page.items().getLast().id().toString());
      after = UUID.fromString(page.nextCursor());
    }

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(new HashSet<>(seen)).hasSize(20);
    assertThat(pages).isEqualTo(4);
  }

  @Test
  void aFullLastPageHasNoCursor() {
    insertJobs(owner(), "exact", "k", 4);

    Page<Job> page =
        store.jobs().list(new JobQuery(null, null, "exact", null, null, null, null, 4));

    assertThat(page.items()).hasSize(4);
    assertThat(page.nextCursor()).isNull();
  }

  // ---- delete and prune ---------------------------------------------------------------------

  @Test
  void deleteTerminalRemovesOnlyTerminalJobsWithTheirEvents() {
    Job queued = insertJob(owner(), spec("d1", "k"));
    Job running = insertJob(owner(), spec("d2", "k"));
    claimOnly(running, claimChange(owner(), "w", Duration.ofMinutes(5)));
    Job done = insertJob(owner(), spec("d3", "k"));
    update(done, (j, now) -> j.cancel(now));

    assertThat(store.jobs().deleteTerminal(queued.id())).isFalse();
    assertThat(store.jobs().deleteTerminal(running.id())).isFalse();
    assertThat(store.jobs().deleteTerminal(done.id())).isTrue();
    assertThat(store.jobs().deleteTerminal(done.id())).isFalse();

    assertThat(store.jobs().find(done.id())).isEmpty();
    assertThat(store.events().list(done.id(), 0, 10)).isEmpty();
    assertThat(find(queued)).isEqualTo(queued);
    assertThat(find(running).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(store.events().list(queued.id(), 0, 10)).hasSize(1);
  }

  @Test
  void pruneDeletesTerminalJobsFinishedBeforeTheCutOffInBoundedBatches() throws Exception {
    Instant cutoff = T0.plusSeconds(3600);
    List<Job> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Job j = insertJob(owner(), spec("prune", "k"));
      update(j, (c, now) -> c.cancel(T0.plusSeconds(60)));
      store.artifacts().put(j.id(), "log", "text/plain", new GeneratedBytes(i, 1000), x -> {});
      old.add(j);
    }
    Job atCutoff = insertJob(owner(), spec("prune", "k"));
    update(atCutoff, (c, now) -> c.cancel(cutoff));
    Job recent = insertJob(owner(), spec("prune", "k"));
    update(recent, (c, now) -> c.cancel(cutoff.plusSeconds(86_400)));
    Job queued = insertJob(owner(), spec("prune-q", "k"));
    Job running = insertJob(owner(), spec("prune-r", "k"));
    claimOnly(running, claimAt(owner(), T0, Duration.ofMinutes(1)));

    assertThat(store.jobs().pruneBatch(cutoff, 2))
        .isEqualTo(new dev.docket.ports.PruneResult(2, 4, 2));
    assertThat(store.jobs().pruneBatch(cutoff, 2))
        .isEqualTo(new dev.docket.ports.PruneResult(2, 4, 2));
    assertThat(store.jobs().pruneBatch(cutoff, 2))
        .isEqualTo(new dev.docket.ports.PruneResult(1, 2, 1));
    assertThat(store.jobs().pruneBatch(cutoff, 2)).isEqualTo(dev.docket.ports.PruneResult.NONE);

    for (Job j : old) {
      assertThat(store.jobs().find(j.id())).isEmpty();
      assertThat(store.events().list(j.id(), 0, 10)).isEmpty();
      assertThat(store.artifacts().list(j.id())).isEmpty();
    }
    assertThat(store.jobs().find(atCutoff.id())).isPresent();
    assertThat(store.jobs().find(recent.id())).isPresent();
    assertThat(find(queued)).isEqualTo(queued);
    assertThat(find(running).status()).isEqualTo(JobStatus.RUNNING);
  }

  // ---- stats --------------------------------------------------------------------------------

  /** Runs a job of {@code queue} for {@code seconds}, ending succeeded or failed. */
  private void runFor(User who, String queue, int seconds, boolean succeed) {
    String kind = "k-" + Ids.newId();
    Job job = insertJob(who, spec(queue, kind));
    Instant started = T0.plusSeconds(3600);
    Job claimed =
        store
            .jobs()
            .claim(
                new ClaimQuery(queue, 1, List.of(kind), null),
                claimAt(who, started, Duration.ofHours(1)))
            .get(0);
    String t = claimed.leaseToken();
    Instant end = started.plusSeconds(seconds);
    update(
        job,
        succeed
            ? (j, now) -> j.complete(t, end, null)
            : (j, now) -> j.fail(t, end, "no", false, Duration.ZERO));
  }

  private static Map<JobStatus, Long> counts(long q, long r, long s, long f, long c) {
    return Map.of(
        JobStatus.QUEUED,
        q,
        JobStatus.RUNNING,
        r,
        JobStatus.SUCCEEDED,
        s,
        JobStatus.FAILED,
        f,
        JobStatus.CANCELLED,
        c);
  }

  @Test
  void statsOfAnEmptyStoreAreZerosAndNulls() {
    dev.docket.ports.JobStats stats =
        store.jobs().stats(new dev.docket.ports.StatsQuery(null, null, null));

    assertThat(stats.byStatus()).isEqualTo(counts(0, 0, 0, 0, 0));
    assertThat(stats.byQueue()).isEmpty();
    assertThat(stats.successRate()).isNull();
    assertThat(stats.avgDurationSeconds()).isNull();
    assertThat(stats.p95DurationSeconds()).isNull();
  }

  @Test
  void statsCountByStatusAndQueueAndMeasureDurations() {
    User a = owner();
    User b = insertUser();
    for (int s = 1; s <= 8; s++) {
      runFor(a, "s1", s, true);
    }
    runFor(a, "s1", 9, false);
    runFor(a, "s1", 10, false);
    insertJob(a, spec("s1", "queued-one"));
    Job running = insertJob(a, spec("s1", "running-one"));
    store
        .jobs()
        .claim(
            new ClaimQuery("s1", 1, List.of("running-one"), null),
            claimChange(a, "w", Duration.ofMinutes(5)));
    Job cancelled = insertJob(a, spec("s1", "cancelled-one"));
    update(cancelled, (j, now) -> j.cancel(now));
    insertJob(a, spec("s2", "k"));
    runFor(b, "s1", 100, true);
    assertThat(find(running).status()).isEqualTo(JobStatus.RUNNING);

    var ofA = store.jobs().stats(new dev.docket.ports.StatsQuery(a.id(), null, null));
    assertThat(ofA.byStatus()).isEqualTo(counts(2, 1, 8, 2, 1));
    assertThat(ofA.byQueue())
        .isEqualTo(Map.of("s1", counts(1, 1, 8, 2, 1), "s2", counts(1, 0, 0, 0, 0)));
    assertThat(ofA.successRate()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ofA.avgDurationSeconds()).isCloseTo(5.5, org.assertj.core.data.Offset.offset(1e-9));
    // continuous percentile (linear interpolation, as Postgres percentile_cont): 9 + 0.55 * 1
    assertThat(ofA.p95DurationSeconds()).isCloseTo(9.55, org.assertj.core.data.Offset.offset(1e-6));

    var all = store.jobs().stats(new dev.docket.ports.StatsQuery(null, null, null));
    assertThat(all.byStatus()).isEqualTo(counts(2, 1, 9, 2, 1));
    assertThat(all.successRate()).isCloseTo(9.0 / 11, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(all.avgDurationSeconds())
        .isCloseTo(155.0 / 11, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(all.p95DurationSeconds()).isCloseTo(55.0, org.assertj.core.data.Offset.offset(1e-6));

    var s2 = store.jobs().stats(new dev.docket.ports.StatsQuery(a.id(), "s2", null));
    assertThat(s2.byStatus()).isEqualTo(counts(1, 0, 0, 0, 0));
    assertThat(s2.byQueue()).isEqualTo(Map.of("s2", counts(1, 0, 0, 0, 0)));
    assertThat(s2.successRate()).isNull();
    assertThat(s2.avgDurationSeconds()).isNull();
    assertThat(s2.p95DurationSeconds()).isNull();

    var later = store.jobs().stats(new dev.docket.ports.StatsQuery(null, null, T0.plusMillis(1)));
    assertThat(later.byStatus()).isEqualTo(counts(0, 0, 0, 0, 0));
    assertThat(later.byQueue()).isEmpty();
    var fromT0 = store.jobs().stats(new dev.docket.ports.StatsQuery(null, "s1", T0));
    assertThat(fromT0.byStatus()).isEqualTo(counts(1, 1, 9, 2, 1));
  }
}
