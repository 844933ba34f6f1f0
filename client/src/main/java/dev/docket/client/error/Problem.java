package dev.docket.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem as the server sent it.
 *
 * @param type the problem type URI, e.g. {@code https://docket.dev/problems/lease-lost}
 * @param title a short summary of the type
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence, or null
 * @param errors the offending fields of a validation problem, else empty
 * @param extensions every other member (for example {@code correlation_id} on a 500)
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    Map<String, JsonNode> extensions) {
  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  /** The last path segment of {@link #type()}: {@code lease-lost}, {@code not-found}, ... */
  public String slug() {
    if (type == null) {
      return "";
    }
    return type.substring(type.lastIndexOf('/') + 1);
  }

  /** One invalid field of a validation problem, named as a path such as {@code jobs[1].kind}. */
  public record FieldError(String field, String message) {}
}
