package dev.docket.worker;

/**
 * Works one job. Returning normally completes it (with the result set by {@link JobContext#result},
 * if any); throwing {@link NonRetryableException} fails it for good; any other exception fails the
 * attempt as retryable, with the exception's message as the job's error.
 *
 * <p>A handler that runs long should watch {@link JobContext#isCancelled()} or let the interrupt
 * that comes with it end its blocking calls: after a cancellation, a timeout or a lost lease the
 * runtime reports nothing for the job, whatever the handler does.
 */
@FunctionalInterface
public interface JobHandler {
  /** Works the job of {@code job}; see the type's comment for how the outcome is decided. */
  void handle(JobContext job) throws Exception;
}
