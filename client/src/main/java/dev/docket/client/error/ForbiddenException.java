package dev.docket.client.error;

/** 403: the key's user lacks the role for this call. */
public class ForbiddenException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public ForbiddenException(Problem problem) {
    super(problem);
  }
}
