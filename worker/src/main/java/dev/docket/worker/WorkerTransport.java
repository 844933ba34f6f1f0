package dev.docket.worker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link WorkerRuntime} talks to Docket: the worker protocol, one method per call.
 *
 * <p>Every call but {@link #claim} concerns a lease the worker holds and throws {@link
 * LeaseEndedException} when the server no longer accepts it (cancelled, timed out, lost). {@link
 * FatalTransportException} means no retry can help (a wrong key); any other runtime exception is
 * taken as transient, and the runtime retries with backoff.
 */
public interface WorkerTransport {
  /**
   * Claims up to {@code options.limit()} jobs, waiting up to {@code options.waitTime()} for one;
   * the list may be empty.
   *
   * @throws InterruptedException the runtime is shutting down
   */
  List<ClaimedJob> claim(ClaimOptions options) throws InterruptedException;

  /** Extends the lease by {@code lease} from now. */
  void heartbeat(ClaimedJob job, Duration lease);

  /**
   * Checks cheaply, without writing, that the lease still holds; called about once a second for
   * each running job so that a cancellation reaches the handler quickly.
   */
  void check(ClaimedJob job);

  /** Appends {@code updates} to the job's log, in this order and atomically. */
  void append(ClaimedJob job, List<Update> updates);

  /** Stores {@code data} (read to its end, not closed) as the artifact {@code name}. */
  void upload(ClaimedJob job, String name, String contentType, InputStream data) throws IOException;

  /** Completes the job with {@code resultJson} (JSON text, or null for none). */
  void complete(ClaimedJob job, String resultJson);

  /**
   * Fails the attempt with {@code error}; a retryable one is queued again while attempts remain.
   */
  void fail(ClaimedJob job, String error, boolean retryable);
}
