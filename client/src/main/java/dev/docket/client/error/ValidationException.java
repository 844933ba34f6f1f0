package dev.docket.client.error;

/**
 * 400: the request was invalid (including malformed JSON); {@link #problem()} names the offending
 * fields in {@code errors}.
 */
public class ValidationException extends DocketException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public ValidationException(Problem problem) {
    super(problem);
  }

  /** The message for {@code field} (a path such as {@code jobs[1].kind}), or null. */
  public String messageFor(String field) {
    return problem().errors().stream()
        .filter(e -> field.equals(e.field()))
        .map(Problem.FieldError::message)
        .findFirst()
        .orElse(null);
  }
}
