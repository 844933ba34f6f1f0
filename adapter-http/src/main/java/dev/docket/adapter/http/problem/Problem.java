package dev.docket.adapter.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.docket.domain.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem body. {@code errors} is present on validation problems only, {@code
 * correlationId} on unexpected failures only (it names the log entry with the stack trace).
 */
record Problem(
    String type,
    String title,
    int status,
    String detail,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors,
    @JsonInclude(JsonInclude.Include.NON_NULL) String correlationId) {

  static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
  }

  static Problem invalid(String detail, List<FieldError> errors) {
    ProblemType t = ProblemType.VALIDATION;
    return new Problem(t.uri(), t.title(), t.status(), detail, errors, null);
  }
}
