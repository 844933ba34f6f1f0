package dev.docket.ports.contract;

import dev.docket.domain.EventDraft;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Lease;
import dev.docket.domain.Role;
import dev.docket.domain.Transition;
import dev.docket.domain.User;
import dev.docket.ports.JobChange;
import dev.docket.ports.NewJob;
import dev.docket.ports.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Fixture of every port contract: one fresh, empty, migrated {@link Store} per test method, and
 * helpers to make users and jobs in it.
 *
 * <p>An adapter runs the whole contract by subclassing each {@code *Contract} class and
 * implementing {@link #openStore()}. Conventions the contract fixes for every store:
 *
 * <ul>
 *   <li>A {@link dev.docket.ports.Page}'s {@code nextCursor} is the {@code toString()} of the last
 *       item's id when more items follow, and null on the last page; that id is what the next query
 *       passes as {@code afterId}.
 *   <li>Jobs always have an existing owner (the fixture inserts the user first), so a schema may
 *       keep a foreign key from jobs to users.
 *   <li>Instants are kept to the millisecond; a {@link JobChange} may put any instant in the
 *       transition it returns (tests use fixed instants to control durations), and the store writes
 *       exactly what the transition holds.
 * </ul>
 */
public abstract class StoreContract {

  /** A fixed instant far enough in the past that jobs created at it are claimable. */
  protected static final Instant T0 = Instant.parse("2024-03-31T01:30:00.456Z");

  private static final AtomicInteger USER_COUNTER = new AtomicInteger();

  /** The store under test, opened before each test and closed after it. */
  protected Store store;

  /**
   * Opens the store under test. Called before every test method; must return a fresh, empty,
   * migrated store (e.g. on a new temp file or a freshly created schema). The fixture closes it
   * after the test.
   */
  protected abstract Store openStore();

  @BeforeEach
  final void openFixtureStore() {
    store = openStore();
  }

  @AfterEach
  final void closeFixtureStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  // ---- users -----------------------------------------------------------------------------

  /** A user that is not stored yet, with a unique email. */
  protected static User newUser(Role... roles) {
    int n = USER_COUNTER.incrementAndGet();
    UUID id = Ids.newId();
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(List.of(roles));
    return new User(
        id, "User " + n, "user" + n + "-" + id + "@example.test", set, true, Instant.now());
  }

  /** Inserts and returns a new submitter. */
  protected User insertUser() {
    User user = newUser(Role.SUBMITTER, Role.WORKER);
    store.users().insert(user);
    return user;
  }

  // ---- jobs ------------------------------------------------------------------------------

  /** A spec with only a kind and a queue; everything else takes the defaults. */
  protected static JobSpec spec(String queue, String kind) {
    return new JobSpec(kind, queue, null, null, null, null, null, null, null);
  }

  /** A spec with a priority and a run time. */
  protected static JobSpec spec(String queue, String kind, int priority, Instant runAt) {
    return new JobSpec(kind, queue, null, null, priority, runAt, null, null, null);
  }

  /** The creation of a job of {@code owner}, created at {@code createdAt}, not yet stored. */
  protected static NewJob newJob(User owner, JobSpec spec, Instant createdAt) {
    return newJob(owner, spec, createdAt, null);
  }

  protected static NewJob newJob(User owner, JobSpec spec, Instant createdAt, String requestHash) {
    Transition t = Job.create(Ids.newId(createdAt), owner.id(), spec, createdAt);
    return new NewJob(t, requestHash);
  }

  /** Inserts one job created at {@link #T0} and returns it as stored. */
  protected Job insertJob(User owner, JobSpec spec) {
    return insertJob(owner, spec, T0);
  }

  /** Inserts one job created at {@code createdAt} and returns it as stored. */
  protected Job insertJob(User owner, JobSpec spec, Instant createdAt) {
    return store.jobs().insert(List.of(newJob(owner, spec, createdAt))).get(0);
  }

  /** Inserts {@code count} jobs of one queue and kind, in batches, and returns them. */
  protected List<Job> insertJobs(User owner, String queue, String kind, int count) {
    List<Job> all = new ArrayList<>(count);
    for (int start = 0; start < count; start += 500) {
      List<NewJob> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + 500); i++) {
        batch.add(newJob(owner, spec(queue, kind), T0));
      }
      all.addAll(store.jobs().insert(batch));
    }
    return all;
  }

  /** A claim by {@code claimant} as worker {@code worker}, with a fresh token and lease. */
  protected static JobChange claimChange(User claimant, String worker, Duration lease) {
    return (job, now) -> job.claim(claimant.id(), worker, Lease.newToken(), now, lease);
  }

  /**
   * A claim that pretends to happen at {@code at} (so the lease and {@code started_at} are relative
   * to it), with a fresh token.
   */
  protected static JobChange claimAt(User claimant, Instant at, Duration lease) {
    return (job, now) -> job.claim(claimant.id(), "worker-at", Lease.newToken(), at, lease);
  }

  /** Claims {@code job} alone (it must be the only claimable job of its queue). */
  protected Job claimOnly(Job job, JobChange change) {
    List<Job> claimed =
        store.jobs().claim(new dev.docket.ports.ClaimQuery(job.queue(), 1, null, null), change);
    if (claimed.size() != 1 || !claimed.get(0).id().equals(job.id())) {
      throw new AssertionError("expected to claim " + job.id() + " but got " + claimed);
    }
    return claimed.get(0);
  }

  /** A change that appends one {@code log} event as an admin (no lease token). */
  protected static JobChange appendLog(String message) {
    return (job, now) ->
        job.append(null, now, List.of(new EventDraft("log", "{\"message\":\"" + message + "\"}")));
  }

  /** Runs {@code threads} copies of {@code body} at once (released together) and waits. */
  protected static void runConcurrently(int threads, ThrowingRunnable body) throws Exception {
    Concurrently.run(threads, body);
  }

  /** A task that may throw. */
  @FunctionalInterface
  protected interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Sleeps, for tests that wait for a real lease to run out. */
  protected static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
