package dev.docket.app.serve;

import dev.docket.app.ErrorReporter;
import dev.docket.ports.usecase.RescueService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rescues jobs whose lease expired, every few seconds, starting at once. The state is only in the
 * store, so a lease that ran out while the server was down is rescued right after start.
 */
final class Rescuer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Rescuer.class);

  private final RescueService rescue;
  private final Duration every;
  private final ScheduledExecutorService scheduler;

  Rescuer(RescueService rescue, Duration every) {
    this.rescue = rescue;
    this.every = every;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("docket-rescuer").daemon(true).factory());
  }

  void start() {
    scheduler.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass; a failure is logged and the next pass tries again (the schedule must not die). */
  private void tick() {
    try {
      int rescued = rescue.rescueExpired();
      if (rescued > 0) {
        LOG.info("rescued {} job(s) whose lease expired", rescued);
      }
    } catch (RuntimeException e) {
      LOG.warn("lease rescue failed, will retry: {}", ErrorReporter.message(e));
    }
  }

  /** Stops scheduling and waits for a pass in progress, so the store can be closed after. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
