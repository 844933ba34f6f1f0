package dev.docket.client.error;

/**
 * 409 {@code lease-lost}: the lease token is not the job's current lease, so this worker must stop
 * working the job and never report its outcome.
 */
public class LeaseLostException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public LeaseLostException(Problem problem) {
    super(problem);
  }
}
