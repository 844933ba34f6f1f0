package dev.docket.client.error;

/**
 * 409: the resource's state forbids the call (a duplicate, an illegal transition, an idempotency
 * key reused with another body).
 */
public class ConflictException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public ConflictException(Problem problem) {
    super(problem);
  }
}
