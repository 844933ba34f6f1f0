package dev.docket.app.bench;

/** A benchmark that cannot go on: the server refused a request, or a probe failed. */
final class BenchFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BenchFailedException(String message) {
    super(message);
  }

  BenchFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
