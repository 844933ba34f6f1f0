package dev.docket.client.error;

import java.io.IOException;

/**
 * No answer came within the retry budget: the connection failed, or broke on a call that the client
 * does not repeat because the server may already have acted on it (see {@link
 * dev.docket.client.DocketClient}). The cause is the last I/O failure.
 */
public class DocketUnreachableException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** No answer, for the reason {@code cause}. */
  public DocketUnreachableException(String message, IOException cause) {
    super(message, cause);
  }
}
