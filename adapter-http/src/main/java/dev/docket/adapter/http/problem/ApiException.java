package dev.docket.adapter.http.problem;

/** A client error found by the adapter itself (media type, size, body, header). */
public final class ApiException extends RuntimeException {
  private final ProblemType type;

  public ApiException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }
}
