package dev.docket.adapter.http.problem;

import java.io.IOException;

/**
 * A request body passed its limit while being read. An {@link IOException} so that a store reading
 * the body treats it as a failed read and keeps nothing.
 */
public final class BodyTooLargeException extends IOException {
  public BodyTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
  }
}
