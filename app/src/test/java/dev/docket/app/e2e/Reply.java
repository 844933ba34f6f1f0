package dev.docket.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** One HTTP answer: status, headers and the body as text and (when it is JSON) as a tree. */
record Reply(int status, HttpHeaders headers, String text, JsonNode json) {

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The problem type's last path segment, e.g. {@code lease-lost}. */
  String problem() {
    String type = json == null ? "" : json.path("type").asText("");
    return type.substring(type.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return status + " " + text;
  }
}
