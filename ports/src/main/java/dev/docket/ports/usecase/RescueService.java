package dev.docket.ports.usecase;

import dev.docket.domain.Backoff;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.ports.JobListener;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rescues jobs whose lease ran out: requeued with backoff while attempts remain, else failed with
 * {@code lease expired}. State lives in the store only, so it works across restarts and from
 * several instances at once.
 */
public final class RescueService {
  private final JobRepository jobs;
  private final JobSignals signals;
  private final JobListener listener;
  private final Backoff backoff;
  private final int batchSize;

  public RescueService(
      JobRepository jobs,
      JobSignals signals,
      JobListener listener,
      Backoff backoff,
      int batchSize) {
    this.jobs = jobs;
    this.signals = signals;
    this.listener = listener;
    this.backoff = backoff;
    this.batchSize = batchSize;
  }

  /** Rescues every job whose lease expired by now; returns how many. */
  public int rescueExpired() {
    int total = 0;
    while (true) {
      List<Job> rescued =
          jobs.rescueExpired(
              batchSize,
              (job, now) ->
                  job.expireLease(now, backoff.delay(job.attempt(), ThreadLocalRandom.current())));
      for (Job j : rescued) {
        signals.jobChanged(j.id());
        if (j.status() == JobStatus.QUEUED) {
          signals.queueReady(j.queue());
        }
        listener.finished(j);
      }
      total += rescued.size();
      if (rescued.size() < batchSize) {
        return total;
      }
    }
  }
}
