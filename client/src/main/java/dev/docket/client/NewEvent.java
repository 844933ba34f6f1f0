package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An event to append to a job's log. */
public record NewEvent(String type, JsonNode data) {
  public NewEvent {
    Objects.requireNonNull(type, "type");
  }

  /** A {@code log} line. */
  public static NewEvent log(String line) {
    return of("log", line);
  }

  /** A {@code progress} value, 0 to 100. */
  public static NewEvent progress(double percent) {
    return of("progress", percent);
  }

  /** An event of a custom {@code type} ({@code [a-z][a-z0-9_.-]*}) with any JSON data. */
  public static NewEvent of(String type, Object data) {
    return new NewEvent(type, Json.MAPPER.valueToTree(data));
  }
}
