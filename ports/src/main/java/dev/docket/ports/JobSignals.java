package dev.docket.ports;

import java.util.UUID;

/**
 * Wake-ups for waiters: a long-polling claim on a queue, an event stream of a job. An
 * implementation may cross processes (Postgres LISTEN/NOTIFY); a signal may be spurious, never the
 * only record of anything — waiters always re-read the store.
 */
public interface JobSignals {
  /** Jobs may have become claimable on {@code queue}. */
  void queueReady(String queue);

  /** Events were appended to {@code jobId} (or it changed status). */
  void jobChanged(UUID jobId);

  /** Calls {@code listener} after each {@link #queueReady} for the queue until closed. */
  Subscription onQueue(String queue, Runnable listener);

  /** Calls {@code listener} after each {@link #jobChanged} for the job until closed. */
  Subscription onJob(UUID jobId, Runnable listener);

  /** A registration to close when the waiter leaves. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
