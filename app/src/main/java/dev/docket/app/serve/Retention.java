package dev.docket.app.serve;

import dev.docket.app.ErrorReporter;
import dev.docket.ports.PruneResult;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.AdminService;
import dev.docket.ports.usecase.AuditService;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention ({@code serve --retention 30d}): prunes terminal jobs finished more than the given age
 * ago, shortly after start and then every few minutes, through {@link AdminService#prune} (short
 * batches, so submitters are not held up; audited {@code admin.prune} by {@value #ACTOR}).
 */
public final class Retention implements AutoCloseable {
  static final String ACTOR = "retention";
  static final String ENV = "DOCKET_RETENTION";

  /** Late enough not to compete with start-up, soon enough that a restart does not skip a run. */
  static final Duration FIRST_RUN = Duration.ofSeconds(5);

  static final Duration EVERY = Duration.ofMinutes(10);

  /**
   * Jobs per prune transaction. Smaller than the core's default of 500: on SQLite every batch holds
   * the single writer and a submitter gets about one turn between batches, so its typical wait is
   * one batch. PruneStallTest (20,000 finished jobs, one thread submitting) measured a median
   * submit of 25-36 ms with 500 against 5-16 ms with 100, and a longest one of 48-373 ms against
   * 22-220 ms, over three runs on a busy two-core machine.
   */
  public static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final AdminService admin;
  private final AuditService audit;
  private final Duration keep;
  private volatile boolean closing;
  private final Actor actor = Actor.system(ACTOR);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("docket-retention").daemon(true).factory());

  Retention(AdminService admin, AuditService audit, Duration keep) {
    this.admin = admin;
    this.audit = audit;
    this.keep = keep;
  }

  void start() {
    scheduler.scheduleWithFixedDelay(
        this::tick, FIRST_RUN.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass; a failure is logged and the next pass tries again (the schedule must not die). */
  private void tick() {
    PruneResult[] sofar = {PruneResult.NONE};
    try {
      PruneResult r = admin.prune(actor, keep, progress -> stopIfClosing(sofar, progress));
      if (r.jobs() > 0) {
        LOG.info(
            "retention: pruned {} job(s), {} event(s), {} artifact(s) finished over {} ago",
            r.jobs(),
            r.events(),
            r.artifacts(),
            keep);
      }
    } catch (CancellationException stopped) {
      // the server is stopping: the batches done so far still get their audit entry
      audit.record(
          actor,
          "admin.prune",
          "job",
          null,
          "{\"older_than_seconds\":"
              + keep.toSeconds()
              + ",\"jobs\":"
              + sofar[0].jobs()
              + ",\"events\":"
              + sofar[0].events()
              + ",\"artifacts\":"
              + sofar[0].artifacts()
              + ",\"interrupted\":true}");
    } catch (RuntimeException e) {
      LOG.warn("retention prune failed, will retry: {}", ErrorReporter.message(e));
    }
  }

  /** Between batches: a stop should not wait for a long backlog to be pruned. */
  private void stopIfClosing(PruneResult[] sofar, PruneResult progress) {
    sofar[0] = progress;
    if (closing) {
      throw new CancellationException("server stopping");
    }
  }

  /** Stops scheduling and waits for a pass in progress, so the store can be closed after. */
  @Override
  public void close() {
    closing = true;
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
