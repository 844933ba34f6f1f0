package dev.docket.domain;

import java.util.Objects;

/** One invalid field, named as a path such as {@code jobs[1].kind}. */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  public FieldError prefixed(String prefix) {
    return new FieldError(prefix + "." + field, message);
  }
}
