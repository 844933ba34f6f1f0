package dev.docket.client.error;

/** 401: no key, or a key that is unknown, revoked or expired. */
public class UnauthorizedException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public UnauthorizedException(Problem problem) {
    super(problem);
  }
}
