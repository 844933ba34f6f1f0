package dev.docket.adapter.http;

/** A client error found by the adapter itself (media type, size, body, header). */
final class ApiException extends RuntimeException {
  private final ProblemType type;

  ApiException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  ProblemType type() {
    return type;
  }
}
