package dev.docket.client.error;

/**
 * 503: the server or its store was unavailable for longer than the retry budget; nothing was
 * written.
 */
public class ServiceUnavailableException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public ServiceUnavailableException(Problem problem) {
    super(problem);
  }
}
