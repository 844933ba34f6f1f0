package dev.docket.client.error;

/** 404: no such resource, or one that belongs to another user. */
public class NotFoundException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public NotFoundException(Problem problem) {
    super(problem);
  }
}
