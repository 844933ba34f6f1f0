package dev.docket.app.multi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.app.multi.Http.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code docket serve} processes on one PostgreSQL schema while the database misbehaves: every
 * backend of theirs terminated over and over for seconds, or the jobs table locked. Requests get
 * 503 problem+json with {@code Retry-After}, nothing half-written remains, and service (including
 * the cross-instance wake-ups) resumes on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageTest {
  private static final String ADMIN = "dk_outage-test-admin-key-0123456789abcdef";

  /** How long the backends are killed for, and how often. */
  private static final long OUTAGE_MILLIS = 5_000;

  private static final long KILL_EVERY_MILLIS = 50;

  @TempDir static Path dir;

  private PgServer pg;
  private Instance a;
  private Instance b;
  private String submitter;
  private String worker;

  @BeforeAll
  void startTwoInstances() throws Exception {
    pg = PgServer.freshSchema("outage");
    // a lock wait beyond one second gives up (the operator's budget, set in the URL)
    String db = pg.docketDb("&options=-c%20lock_timeout%3D1000");
    a = Instance.start(dir, "a", db, ADMIN);
    a.awaitListening();
    b = Instance.start(dir, "b", db, ADMIN);
    b.awaitListening();
    submitter = Http.userKey(a.base(), ADMIN, "ci", List.of("submitter"));
    worker = Http.userKey(a.base(), ADMIN, "builder", List.of("worker"));
  }

  @AfterAll
  void stopInstances() throws Exception {
    try {
      if (a != null) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
    } finally {
      if (pg != null) {
        pg.drop();
      }
    }
  }

  private record Outcome(
      String key, int status, String contentType, String retryAfter, String body) {
    static Outcome of(String key, Reply r) {
      return new Outcome(
          key, r.status(), r.header("Content-Type"), r.header("Retry-After"), r.body());
    }
  }

  private Reply submit(Instance via, String key) throws IOException {
    return Http.post(
        via.base(),
        submitter,
        "/v1/jobs",
        Map.of("kind", "build", "queue", "outage", "idempotency_key", key));
  }

  @Test
  void whileEveryBackendIsKilledAgainAndAgainRequestsGet503WithRetryAfterAndNothingIsHalfWritten()
      throws Exception {
    AtomicBoolean outage = new AtomicBoolean(true);
    AtomicInteger seq = new AtomicInteger();
    AtomicInteger kills = new AtomicInteger();
    ConcurrentLinkedQueue<Outcome> submits = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Outcome> workerCalls = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> ioErrors = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> running = new ArrayList<>();
      running.add(
          pool.submit(
              () -> {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OUTAGE_MILLIS);
                while (System.nanoTime() < end) {
                  kills.addAndGet(pg.terminateBackends());
                  Thread.sleep(KILL_EVERY_MILLIS);
                }
                outage.set(false);
                return null;
              }));
      for (int t = 0; t < 3; t++) {
        running.add(
            pool.submit(
                () -> {
                  while (outage.get()) {
                    int n = seq.incrementAndGet();
                    String key = "k-" + n;
                    try {
                      submits.add(Outcome.of(key, submit(n % 2 == 0 ? a : b, key)));
                    } catch (IOException e) {
                      ioErrors.add(key + ": " + e);
                    }
                  }
                  return null;
                }));
      }
      running.add(pool.submit(() -> workThrough(a, outage, workerCalls, ioErrors)));
      for (Future<?> f : running) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    long recoveredMs = awaitRecovery();
    long wakeMs = crossInstanceWakeMillis();
    Map<Integer, Long> byStatus =
        submits.stream()
            .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    Map<Integer, Long> workerByStatus =
        workerCalls.stream()
            .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    Set<String> stored = new HashSet<>(pg.column("SELECT idempotency_key FROM jobs"));
    List<Outcome> unavailable = submits.stream().filter(o -> o.status() == 503).toList();
    long committedAnyway = unavailable.stream().filter(o -> stored.contains(o.key())).count();
    System.out.printf(
        "[outage] %d backends killed over %d ms; submits by status %s (503s whose job was"
            + " committed anyway: %d); claim/complete by status %s; I/O errors %d; service back"
            + " %d ms after the kills stopped; cross-instance wake afterwards %d ms%n",
        kills.get(),
        OUTAGE_MILLIS,
        byStatus,
        committedAnyway,
        workerByStatus,
        ioErrors.size(),
        recoveredMs,
        wakeMs);

    assertThat(kills.get()).as("backends were killed").isPositive();
    assertThat(ioErrors).as("the HTTP servers themselves stayed up").isEmpty();
    assertThat(byStatus.keySet()).as("submits answer 201 or 503").isSubsetOf(201, 503);
    assertThat(workerByStatus.keySet()).as("claims and completes").isSubsetOf(200, 503);
    assertThat(unavailable).as("the outage was seen").isNotEmpty();
    List<Outcome> all503 = new ArrayList<>(unavailable);
    workerCalls.stream().filter(o -> o.status() == 503).forEach(all503::add);
    assertThat(all503)
        .allSatisfy(
            o -> {
              assertThat(o.contentType()).startsWith("application/problem+json");
              assertThat(o.retryAfter()).as("Retry-After of %s", o).matches("\\d+");
              assertThat(Http.read(o.body()).get("status").asInt()).isEqualTo(503);
            });
    // a 2xx is durable; a 503 is all or nothing (its job with its status event, or no job)
    assertThat(stored)
        .containsAll(submits.stream().filter(o -> o.status() == 201).map(Outcome::key).toList());
    assertNothingHalfWritten();
    assertThat(recoveredMs).as("service resumes on its own").isLessThan(15_000);
    assertThat(wakeMs).as("the listener reconnected").isLessThan(700);
  }

  /** Claims and completes through {@code via} until the outage ends, recording every answer. */
  private Void workThrough(
      Instance via,
      AtomicBoolean outage,
      ConcurrentLinkedQueue<Outcome> calls,
      ConcurrentLinkedQueue<String> ioErrors) {
    while (outage.get()) {
      try {
        Reply claimed =
            Http.post(
                via.base(),
                worker,
                "/v1/queues/outage/claim",
                Map.of("worker_id", "w", "limit", 5, "lease_seconds", 60));
        calls.add(Outcome.of("claim", claimed));
        if (claimed.status() != 200) {
          continue;
        }
        for (JsonNode job : claimed.json().get("jobs")) {
          String id = job.get("id").asText();
          Reply done =
              Http.post(
                  via.base(),
                  worker,
                  "/v1/jobs/" + id + "/complete",
                  Map.of("lease_token", job.get("lease_token").asText()));
          calls.add(Outcome.of("complete " + id, done));
        }
      } catch (IOException e) {
        ioErrors.add("worker: " + e);
      }
    }
    return null;
  }

  /** Every job and its log agree: created with its status event, status as its last one says. */
  private void assertNothingHalfWritten() throws Exception {
    assertThat(
            pg.count(
                "SELECT count(*) FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM job_events e"
                    + " WHERE e.job_id = j.id AND e.seq = 0 AND e.type = 'status'"
                    + " AND e.data->>'to' = 'queued')"))
        .as("jobs without their creation event")
        .isZero();
    assertThat(
            pg.count(
                "SELECT count(*) FROM jobs j WHERE j.status <> (SELECT e.data->>'to'"
                    + " FROM job_events e WHERE e.job_id = j.id AND e.type = 'status'"
                    + " ORDER BY e.seq DESC LIMIT 1)"))
        .as("jobs whose status is not their last status event's")
        .isZero();
    assertThat(
            pg.count(
                "SELECT count(*) FROM jobs j WHERE j.event_count <> (SELECT count(*)"
                    + " FROM job_events e WHERE e.job_id = j.id)"
                    + " OR j.event_count <> (SELECT coalesce(max(e.seq) + 1, 0)"
                    + " FROM job_events e WHERE e.job_id = j.id)"))
        .as("jobs whose event count or sequence has a gap")
        .isZero();
  }

  /** Milliseconds until a submit through each instance and both readiness probes succeed. */
  private long awaitRecovery() throws Exception {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(30);
    int n = 0;
    while (System.nanoTime() < deadline) {
      n++;
      if (submit(a, "after-a-" + n).status() == 201
          && submit(b, "after-b-" + n).status() == 201
          && Http.get(a.base(), null, "/readyz").status() == 200
          && Http.get(b.base(), null, "/readyz").status() == 200) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("service did not resume within 30 s");
  }

  /** A long-poll on B answered after a submit on A: the listener is back on its connection. */
  private long crossInstanceWakeMillis() throws Exception {
    long ms = CrossWake.millis(a, submitter, b, worker, "after-outage");
    assertThat(ms).as("the waiter got the job").isNotNegative();
    return ms;
  }

  @Test
  void aSubmitBlockedByALockedJobsTableGets503WithRetryAfterOnceTheLockBudgetIsSpent()
      throws Exception {
    Reply blocked;
    long waitedMs;
    try (Connection locker = pg.connect();
        Statement s = locker.createStatement()) {
      locker.setAutoCommit(false);
      s.execute("LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();
      blocked = submit(a, "locked-1");
      waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      locker.rollback();
    }
    Reply after = submit(a, "locked-1");
    System.out.printf(
        "[outage] submit against a locked jobs table: %d after %d ms (Retry-After %s); then %d%n",
        blocked.status(), waitedMs, blocked.header("Retry-After"), after.status());

    assertThat(blocked.status()).as("%s", blocked).isEqualTo(503);
    assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
    assertThat(blocked.header("Retry-After")).matches("\\d+");
    assertThat(waitedMs).as("gave up at the lock budget").isBetween(900L, 10_000L);
    // the same idempotency key makes a fresh job: the blocked submit left nothing behind
    assertThat(after.status()).as("%s", after).isEqualTo(201);
    assertThat(pg.count("SELECT count(*) FROM jobs WHERE idempotency_key = 'locked-1'"))
        .isEqualTo(1);
  }
}
