package dev.docket.worker;

/**
 * Thrown by a {@link JobHandler} when retrying cannot help (bad input, a permanent refusal): the
 * job fails at once with this message, whatever attempts remain.
 */
public class NonRetryableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with {@code message} as the job's error. */
  public NonRetryableException(String message) {
    super(message);
  }

  /** A failure with {@code message} as the job's error, caused by {@code cause}. */
  public NonRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
