package dev.docket.adapter.http;

import java.io.IOException;

/**
 * A request body passed its limit while being read. An {@link IOException} so that a store reading
 * the body treats it as a failed read and keeps nothing.
 */
final class BodyTooLargeException extends IOException {
  BodyTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
  }
}
