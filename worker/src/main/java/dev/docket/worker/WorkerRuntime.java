package dev.docket.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link JobHandler}s on claimed jobs, one virtual thread per job, over a {@link
 * WorkerTransport}.
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>It claims (long-polling) for as many jobs as it has free slots, never more: at most {@code
 *       concurrency} handlers run at once.
 *   <li>It heartbeats each job at a third of the lease, checks about once a second that the lease
 *       still holds, and delivers a cancellation, a timeout or a lost lease to the handler (flag
 *       and interrupt); it then reports no outcome for that job.
 *   <li>A handler's log and progress reach the job's log, in order, before its outcome.
 *   <li>A handler that returns completes the job; one that throws {@link NonRetryableException}
 *       fails it for good; any other exception fails the attempt as retryable.
 *   <li>{@link #close()} stops claiming, lets running handlers finish within the grace period, then
 *       interrupts them and fails their jobs as retryable.
 *   <li>Transient transport failures are retried with backoff (1 s doubling to 30 s); a {@link
 *       FatalTransportException} stops claiming and is kept as {@link #failure()}.
 * </ul>
 */
public final class WorkerRuntime implements AutoCloseable {
  /** How often a running job's lease is checked and its pending log lines are sent. */
  static final Duration TICK = Duration.ofMillis(200);

  static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  static final String SHUTDOWN_ERROR = "worker shut down before the job finished";
  private static final int ERROR_MAX = 2000;

  private final WorkerTransport transport;
  private final List<String> queues;
  private final Map<String, JobHandler> byKind;
  private final JobHandler fallback;
  private final List<String> kinds;
  private final String preferKind;
  private final int concurrency;
  private final Duration lease;
  private final Duration grace;
  private final Duration claimWait;
  private final String workerId;
  private final WorkerListener listener;

  private final Semaphore slots;
  private final Set<Running> running = ConcurrentHashMap.newKeySet();
  private final List<Thread> claimers = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean claiming;
  private volatile RuntimeException failure;
  private boolean started;
  private boolean closed;

  private WorkerRuntime(Builder b) {
    this.transport = b.transport;
    this.queues = List.copyOf(b.queues);
    this.byKind = Map.copyOf(b.byKind);
    this.fallback = b.fallback;
    Set<String> k = new LinkedHashSet<>(b.kinds);
    if (fallback == null) {
      k.addAll(byKind.keySet());
    }
    this.kinds = List.copyOf(k);
    this.preferKind = b.preferKind;
    this.concurrency = b.concurrency;
    this.lease = b.lease;
    this.grace = b.grace;
    this.claimWait = b.claimWait;
    this.workerId = b.workerId == null ? defaultWorkerId() : b.workerId;
    this.listener = b.listener;
    this.slots = new Semaphore(concurrency);
  }

  /** A builder for a runtime over {@code transport}. */
  public static Builder builder(WorkerTransport transport) {
    return new Builder(transport);
  }

  /** Starts claiming; returns at once. */
  public synchronized WorkerRuntime start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    claiming = true;
    Duration wait = queues.size() == 1 ? claimWait : min(claimWait, Duration.ofSeconds(1));
    for (String queue : queues) {
      claimers.add(
          Thread.ofVirtual().name("docket-claim-" + queue).start(() -> claimLoop(queue, wait)));
    }
    return this;
  }

  /** The worker id the runtime claims under. */
  public String workerId() {
    return workerId;
  }

  /** How many handlers run now. */
  public int activeJobs() {
    return running.size();
  }

  /** The fatal transport failure that stopped claiming, if any. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Blocks until {@link #close()} ran or a fatal transport failure stopped claiming. */
  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully: no more claims; running handlers get the grace period to finish, then are
   * interrupted and their jobs failed as retryable. Returns when every job has been reported.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    claiming = false;
    claimers.forEach(Thread::interrupt);
    boolean interrupted = false;
    try {
      for (Thread t : claimers) {
        t.join();
      }
      long deadline = System.nanoTime() + grace.toNanos();
      awaitIdle(deadline);
      for (Running r : running) {
        r.ctx.stop(StopReason.SHUTDOWN);
      }
      awaitIdle(System.nanoTime() + Duration.ofSeconds(2).toNanos());
      for (Running r : running) {
        r.report(null);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      stopped.countDown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitIdle(long deadline) throws InterruptedException {
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      synchronized (running) {
        running.wait(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)));
      }
    }
  }

  private void claimLoop(String queue, Duration wait) {
    Duration backoff = Duration.ZERO;
    while (claiming) {
      int n;
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      n = 1 + slots.drainPermits();
      if (n > 100) {
        slots.release(n - 100);
        n = 100;
      }
      List<ClaimedJob> claimed;
      try {
        claimed =
            transport.claim(new ClaimOptions(queue, workerId, n, lease, kinds, preferKind, wait));
      } catch (InterruptedException e) {
        slots.release(n);
        return;
      } catch (FatalTransportException e) {
        slots.release(n);
        failure = e;
        claiming = false;
        stopped.countDown();
        return;
      } catch (RuntimeException e) {
        slots.release(n);
        backoff =
            backoff.isZero()
                ? Duration.ofSeconds(1)
                : min(backoff.multipliedBy(2), Duration.ofSeconds(30));
        listener.transportFailed("claim", e, backoff);
        if (!sleep(backoff)) {
          return;
        }
        continue;
      }
      backoff = Duration.ZERO;
      slots.release(n - Math.min(n, claimed.size()));
      for (ClaimedJob job : claimed) {
        launch(job);
      }
    }
  }

  private void launch(ClaimedJob job) {
    Running r = new Running(job);
    running.add(r);
    if (!claiming) {
      // claimed while shutting down: give it back at once rather than start work
      r.report(null);
      return;
    }
    listener.started(job);
    Thread.ofVirtual().name("docket-job-" + job.id()).start(r::run);
  }

  private JobHandler handlerFor(String kind) {
    JobHandler h = byKind.get(kind);
    return h != null ? h : fallback;
  }

  /** One job in the runtime's hands, from claim to report. */
  private final class Running {
    final ClaimedJob job;
    final JobContext ctx;
    final Semaphore wake = new Semaphore(0);
    private boolean reported;
    private volatile boolean handlerDone;

    Running(ClaimedJob job) {
      this.job = job;
      this.ctx = new JobContext(job, transport, wake::release);
    }

    void run() {
      ctx.handlerStarted(Thread.currentThread());
      Thread supervisor =
          Thread.ofVirtual().name("docket-lease-" + job.id()).start(this::supervise);
      Throwable error = null;
      try {
        JobHandler h = handlerFor(job.kind());
        if (h == null) {
          throw new NonRetryableException("no handler for kind " + job.kind());
        }
        h.handle(ctx);
      } catch (Throwable t) {
        error = t;
      }
      ctx.handlerDone();
      Thread.interrupted();
      handlerDone = true;
      wake.release();
      try {
        supervisor.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Thread.interrupted();
      report(error);
    }

    /** Sends the log, heartbeats and checks the lease until the handler is done or stopped. */
    private void supervise() {
      long heartbeatEvery = Math.max(1, lease.toNanos() / 3);
      long nextHeartbeat = System.nanoTime() + heartbeatEvery;
      long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
      while (!handlerDone && !ctx.isCancelled()) {
        try {
          wake.tryAcquire(TICK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (handlerDone) {
          return;
        }
        try {
          boolean sent = ctx.flush();
          long now = System.nanoTime();
          if (now >= nextHeartbeat) {
            transport.heartbeat(job, lease);
            nextHeartbeat = now + heartbeatEvery;
            nextCheck = now + CHECK_EVERY.toNanos();
          } else if (sent) {
            nextCheck = now + CHECK_EVERY.toNanos();
          } else if (now >= nextCheck) {
            transport.check(job);
            nextCheck = now + CHECK_EVERY.toNanos();
          }
        } catch (LeaseEndedException e) {
          ctx.stop(e.reason());
        } catch (RuntimeException e) {
          // transient: the next tick tries again, well within the lease
          nextHeartbeat = Math.min(nextHeartbeat, System.nanoTime() + CHECK_EVERY.toNanos());
          listener.transportFailed("heartbeat", e, CHECK_EVERY);
        }
      }
    }

    /** Reports the outcome once; {@code error} null and a shutdown stop mean "shut down". */
    void report(Throwable error) {
      synchronized (this) {
        if (reported) {
          return;
        }
        reported = true;
      }
      try {
        String outcome = deliver(error);
        listener.finished(job, outcome);
      } finally {
        running.remove(this);
        slots.release();
        synchronized (running) {
          running.notifyAll();
        }
      }
    }

    private String deliver(Throwable error) {
      StopReason reason = ctx.stopReason().orElse(null);
      boolean shutdown = reason == StopReason.SHUTDOWN || !handlerDone;
      if (reason != null && reason != StopReason.SHUTDOWN) {
        return reason.name().toLowerCase(Locale.ROOT);
      }
      long deadline = System.nanoTime() + lease.toNanos();
      Duration backoff = Duration.ofMillis(250);
      while (true) {
        try {
          ctx.flush();
          if (shutdown) {
            transport.fail(job, SHUTDOWN_ERROR, true);
            return "failed: " + SHUTDOWN_ERROR;
          } else if (error == null) {
            transport.complete(job, ctx.resultJson());
            return "succeeded";
          } else {
            String message = message(error);
            transport.fail(job, message, !(error instanceof NonRetryableException));
            return "failed: " + message;
          }
        } catch (LeaseEndedException e) {
          return e.reason().name().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
          if (System.nanoTime() + backoff.toNanos() > deadline) {
            return "unreported (the server will rescue the job): " + e.getMessage();
          }
          listener.transportFailed("report", e, backoff);
          if (!sleep(backoff)) {
            return "unreported (interrupted)";
          }
          backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(5));
        }
      }
    }
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    String text = m == null || m.isBlank() ? t.getClass().getName() : m;
    return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text;
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String defaultWorkerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid();
  }

  /**
   * The settings of a {@link WorkerRuntime}; every one but the queues and a handler has a default.
   */
  public static final class Builder {
    private final WorkerTransport transport;
    private final List<String> queues = new ArrayList<>();
    private final Map<String, JobHandler> byKind = new LinkedHashMap<>();
    private JobHandler fallback;
    private final List<String> kinds = new ArrayList<>();
    private String preferKind;
    private int concurrency = 1;
    private Duration lease = Duration.ofSeconds(60);
    private Duration grace = Duration.ofSeconds(10);
    private Duration claimWait = Duration.ofSeconds(20);
    private String workerId;
    private WorkerListener listener = WorkerListener.NONE;

    private Builder(WorkerTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Claims from these queues (at least one in all). */
    public Builder queues(String... queues) {
      this.queues.addAll(List.of(queues));
      return this;
    }

    /** Runs {@code handler} for every job whose kind has no handler of its own. */
    public Builder handler(JobHandler handler) {
      this.fallback = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Runs {@code handler} for jobs of {@code kind}. Without a handler for all kinds, only the
     * kinds with a handler are claimed.
     */
    public Builder handler(String kind, JobHandler handler) {
      byKind.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Claims only jobs of these kinds (in addition to those with a handler of their own). */
    public Builder kinds(String... kinds) {
      this.kinds.addAll(List.of(kinds));
      return this;
    }

    /** Claims jobs of this kind first. */
    public Builder preferKind(String preferKind) {
      this.preferKind = preferKind;
      return this;
    }

    /** How many handlers run at once, 1 to 1000 (default 1). */
    public Builder concurrency(int slots) {
      if (slots < 1 || slots > 1000) {
        throw new IllegalArgumentException("concurrency must be between 1 and 1000");
      }
      this.concurrency = slots;
      return this;
    }

    /** The lease asked for at each claim and heartbeat, 5 s to 1 h (default 60 s). */
    public Builder lease(Duration lease) {
      if (lease.compareTo(Duration.ofSeconds(5)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("lease must be between 5s and 1h");
      }
      this.lease = lease;
      return this;
    }

    /** How long running handlers may go on after {@link WorkerRuntime#close()} (default 10 s). */
    public Builder grace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("grace must not be negative");
      }
      this.grace = grace;
      return this;
    }

    /** How long one claim may wait for a job, 1 to 30 s (default 20 s). */
    public Builder claimWait(Duration claimWait) {
      if (claimWait.compareTo(Duration.ofSeconds(1)) < 0
          || claimWait.compareTo(Duration.ofSeconds(30)) > 0) {
        throw new IllegalArgumentException("claimWait must be between 1s and 30s");
      }
      this.claimWait = claimWait;
      return this;
    }

    /** The worker id recorded in claimed jobs (default host name and process id). */
    public Builder workerId(String workerId) {
      this.workerId = workerId;
      return this;
    }

    /** Who hears of jobs started and finished and of transport failures. */
    public Builder listener(WorkerListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The runtime, not yet started. */
    public WorkerRuntime build() {
      if (queues.isEmpty()) {
        throw new IllegalStateException("at least one queue is required");
      }
      if (fallback == null && byKind.isEmpty()) {
        throw new IllegalStateException("a handler is required");
      }
      return new WorkerRuntime(this);
    }
  }
}
