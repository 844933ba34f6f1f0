package dev.docket.worker;

import java.time.Duration;

/**
 * What a {@link WorkerRuntime} tells its owner, e.g. the command line's one line per job. Every
 * method does nothing by default and may be called from any thread; it must not block.
 */
public interface WorkerListener {
  /** No listening at all. */
  WorkerListener NONE = new WorkerListener() {};

  /** A handler started on {@code job}. */
  default void started(ClaimedJob job) {}

  /**
   * The handler of {@code job} ended with {@code outcome}: {@code succeeded}, {@code failed:
   * <error>}, or, when nothing was reported, the {@link StopReason} in lower case.
   */
  default void finished(ClaimedJob job, String outcome) {}

  /** A transport call failed transiently; the runtime tries again after {@code retryIn}. */
  default void transportFailed(String call, RuntimeException failure, Duration retryIn) {}
}
