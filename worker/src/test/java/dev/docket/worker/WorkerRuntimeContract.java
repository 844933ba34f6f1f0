package dev.docket.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link WorkerRuntime}, written once and run over every transport: in-process
 * over a SQLite store, and remotely over HTTP against a real server. A subclass says how to reach
 * the server's side (submit, cancel, read a job back).
 */
public abstract class WorkerRuntimeContract {
  /** A job as the server reports it, reduced to what the contract checks. */
  public record JobView(String status, String error, int attempt, String result) {}

  /** The transport under test. */
  protected abstract WorkerTransport transport();

  /** Submits a job and returns its id. */
  protected abstract String submit(String queue, String kind, String payloadJson, int maxAttempts);

  /** Cancels a job as its owner would. */
  protected abstract void cancel(String id);

  /** The job as stored now. */
  protected abstract JobView job(String id);

  /** The job's log and progress events in order, as {@code log:<text>} and {@code progress:<n>}. */
  protected abstract List<String> updates(String id);

  /** The content of an artifact of the job, as text. */
  protected abstract String artifact(String id, String name);

  /** A queue no other test uses. */
  protected String newQueue() {
    return "wq-" + Long.toString(System.nanoTime(), 36);
  }

  private final Recording recording = new Recording();
  private WorkerRuntime runtime;

  @AfterEach
  void stopRuntime() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private WorkerRuntime start(String queue, JobHandler handler, int slots, Duration lease) {
    runtime =
        WorkerRuntime.builder(recording)
            .queues(queue)
            .handler(handler)
            .concurrency(slots)
            .lease(lease)
            .grace(Duration.ofSeconds(1))
            .claimWait(Duration.ofSeconds(2))
            .workerId("contract-worker")
            .build()
            .start();
    return runtime;
  }

  @Test
  void aHandlerThatReturnsCompletesTheJobWithItsResult() {
    String q = newQueue();
    start(q, job -> job.result("{\"echo\":" + job.payload() + "}"), 1, Duration.ofSeconds(30));
    String id = submit(q, "echo", "{\"n\":7}", 3);
    awaitStatus(id, "succeeded");
    assertThat(job(id).result()).contains("\"n\"").contains("7");
  }

  @Test
  void anExceptionFailsTheAttemptAsRetryableWithItsMessage() {
    String q = newQueue();
    start(
        q,
        job -> {
          throw new IllegalStateException("disk full");
        },
        1,
        Duration.ofSeconds(30));
    String id = submit(q, "boom", "{}", 3);
    await(() -> "disk full".equals(job(id).error()));
    // retryable: queued again (or already running its next attempt), never failed at attempt 1
    assertThat(job(id).status()).isIn("queued", "running");
  }

  @Test
  void aNonRetryableExceptionFailsTheJobForGood() {
    String q = newQueue();
    start(
        q,
        job -> {
          throw new NonRetryableException("bad input");
        },
        1,
        Duration.ofSeconds(30));
    String id = submit(q, "strict", "{}", 3);
    awaitStatus(id, "failed");
    assertThat(job(id).error()).isEqualTo("bad input");
    assertThat(job(id).attempt()).isEqualTo(1);
  }

  @Test
  void aCancellationReachesTheRunningHandlerAndNoOutcomeIsReported() throws Exception {
    String q = newQueue();
    Stop stop = new Stop();
    start(q, stop::sleepUntilStopped, 1, Duration.ofSeconds(30));
    String id = submit(q, "long", "{}", 3);
    assertThat(stop.started.await(20, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    cancel(id);
    assertThat(stop.ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(stop.interrupted).isTrue();
    assertThat(stop.reason.get()).isEqualTo(StopReason.CANCELLED);
    await(() -> runtime.activeJobs() == 0);
    assertThat(recording.outcomes).doesNotContainKey(id);
    assertThat(job(id).status()).isEqualTo("cancelled");
  }

  @Test
  void aLostLeaseReachesTheRunningHandlerAndNoOutcomeIsReported() throws Exception {
    String q = newQueue();
    Stop stop = new Stop();
    start(q, stop::sleepUntilStopped, 1, Duration.ofSeconds(5));
    String id = submit(q, "long", "{}", 3);
    assertThat(stop.started.await(20, TimeUnit.SECONDS)).isTrue();
    recording.lose(id);
    assertThat(stop.ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(stop.interrupted).isTrue();
    assertThat(stop.reason.get()).isEqualTo(StopReason.LEASE_LOST);
    await(() -> runtime.activeJobs() == 0);
    assertThat(recording.outcomes).doesNotContainKey(id);
  }

  @Test
  void heartbeatsKeepAJobAlivePastSeveralLeaseLengths() {
    String q = newQueue();
    start(
        q,
        job -> {
          Thread.sleep(Duration.ofSeconds(13));
          job.result("{\"slept\":true}");
        },
        1,
        Duration.ofSeconds(5));
    String id = submit(q, "slow", "{}", 3);
    await(() -> job(id).status().equals("succeeded"), Duration.ofSeconds(40));
    assertThat(job(id).attempt()).isEqualTo(1);
  }

  @Test
  void concurrencyNRunsNJobsAtOnceAndNeverMore() {
    String q = newQueue();
    AtomicInteger now = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    start(
        q,
        job -> {
          max.accumulateAndGet(now.incrementAndGet(), Math::max);
          Thread.sleep(700);
          now.decrementAndGet();
        },
        3,
        Duration.ofSeconds(30));
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      ids.add(submit(q, "n", "{}", 3));
    }
    for (String id : ids) {
      awaitStatus(id, "succeeded");
    }
    assertThat(max.get()).isEqualTo(3);
  }

  @Test
  void shutdownLetsRunningJobsFinishWithinGraceThenFailsTheRestAsRetryable() throws Exception {
    String q = newQueue();
    CountDownLatch bothStarted = new CountDownLatch(2);
    start(
        q,
        job -> {
          bothStarted.countDown();
          Thread.sleep(job.payload().contains("quick") ? 300 : 60_000);
        },
        2,
        Duration.ofSeconds(30));
    String quick = submit(q, "s", "{\"quick\":1}", 3);
    String slow = submit(q, "s", "{\"slow\":1}", 3);
    assertThat(bothStarted.await(20, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    runtime.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(job(quick).status()).isEqualTo("succeeded");
    assertThat(job(slow).status()).isEqualTo("queued");
    assertThat(job(slow).error()).isEqualTo(WorkerRuntime.SHUTDOWN_ERROR);
  }

  @Test
  void logsProgressAndArtifactsArriveInOrderBeforeTheOutcome() {
    String q = newQueue();
    start(
        q,
        job -> {
          job.log("one");
          job.progress(50);
          job.log("two");
          job.upload(
              "out.txt",
              "text/plain",
              new ByteArrayInputStream("artifact body".getBytes(StandardCharsets.UTF_8)));
          for (int i = 0; i < 1200; i++) {
            job.log("line " + i);
          }
        },
        1,
        Duration.ofSeconds(30));
    String id = submit(q, "chatty", "{}", 3);
    awaitStatus(id, "succeeded");
    List<String> updates = updates(id);
    assertThat(updates.subList(0, 3)).containsExactly("log:one", "progress:50", "log:two");
    assertThat(updates.stream().filter(u -> u.startsWith("log:"))).hasSize(2 + 1200);
    for (int i = 0; i < 1200; i++) {
      assertThat(updates.get(3 + i)).isEqualTo("log:line " + i);
    }
    assertThat(artifact(id, "out.txt")).isEqualTo("artifact body");
  }

  private void awaitStatus(String id, String status) {
    await(() -> job(id).status().equals(status));
  }

  private static void await(BooleanSupplier condition) {
    await(condition, Duration.ofSeconds(30));
  }

  private static void await(BooleanSupplier condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A handler that sleeps until stopped and records how it was stopped. */
  private static final class Stop {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    final AtomicReference<StopReason> reason = new AtomicReference<>();
    volatile boolean interrupted;

    void sleepUntilStopped(JobContext job) throws Exception {
      started.countDown();
      try {
        Thread.sleep(Duration.ofSeconds(60));
      } catch (InterruptedException e) {
        interrupted = true;
        reason.set(job.stopReason().orElse(null));
        throw e;
      } finally {
        ended.countDown();
      }
    }
  }

  /**
   * The transport under test, recording outcomes, and able to make a lease lost: its calls then
   * carry a token the server never issued, as a worker whose lease was rescued would.
   */
  private final class Recording implements WorkerTransport {
    final Map<String, String> outcomes = new ConcurrentHashMap<>();
    final Set<String> lost = ConcurrentHashMap.newKeySet();

    void lose(String id) {
      lost.add(id);
    }

    private ClaimedJob as(ClaimedJob job) {
      return lost.contains(job.id())
          ? new ClaimedJob(
              job.id(), job.kind(), job.queue(), job.payload(), job.attempt(), "not-the-token")
          : job;
    }

    @Override
    public List<ClaimedJob> claim(ClaimOptions options) throws InterruptedException {
      return transport().claim(options);
    }

    @Override
    public void heartbeat(ClaimedJob job, Duration lease) {
      transport().heartbeat(as(job), lease);
    }

    @Override
    public void check(ClaimedJob job) {
      if (lost.contains(job.id())) {
        // a remote check reads the job without its token; the heartbeat is what notices
        transport().heartbeat(as(job), Duration.ofSeconds(5));
      } else {
        transport().check(job);
      }
    }

    @Override
    public void append(ClaimedJob job, List<Update> updates) {
      transport().append(as(job), updates);
    }

    @Override
    public void upload(ClaimedJob job, String name, String contentType, java.io.InputStream data)
        throws java.io.IOException {
      transport().upload(as(job), name, contentType, data);
    }

    @Override
    public void complete(ClaimedJob job, String resultJson) {
      transport().complete(as(job), resultJson);
      outcomes.put(job.id(), "succeeded");
    }

    @Override
    public void fail(ClaimedJob job, String error, boolean retryable) {
      transport().fail(as(job), error, retryable);
      outcomes.put(job.id(), "failed");
    }
  }
}
