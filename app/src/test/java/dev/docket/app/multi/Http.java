package dev.docket.app.multi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain JSON client of the HTTP API, as a worker or CI script would write one. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /** An answer; {@code json} is null unless the body is JSON. */
  record Reply(int status, HttpHeaders headers, String body, JsonNode json) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static HttpRequest.Builder request(String base, String key, String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  static Reply post(String base, String key, String path, Object body) throws IOException {
    return send(
        request(base, key, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)))
            .build());
  }

  static Reply get(String base, String key, String path) throws IOException {
    return send(request(base, key, path).GET().build());
  }

  static Reply send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      String type = r.headers().firstValue("Content-Type").orElse("");
      JsonNode json = type.contains("json") && !r.body().isEmpty() ? read(r.body()) : null;
      return new Reply(r.statusCode(), r.headers(), r.body(), json);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static String write(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** Creates a user with {@code roles} and a key for it, as the admin; the key. */
  static String userKey(String base, String adminKey, String name, List<String> roles)
      throws IOException {
    Reply user =
        post(
            base,
            adminKey,
            "/v1/users",
            Map.of("name", name, "email", name + "@docket.invalid", "roles", roles));
    if (user.status() != 201) {
      throw new AssertionError("create user: " + user);
    }
    Reply key =
        post(
            base,
            adminKey,
            "/v1/users/" + user.json().get("id").asText() + "/keys",
            Map.of("name", name));
    if (key.status() != 201) {
      throw new AssertionError("create key: " + key);
    }
    return key.json().get("key").asText();
  }
}
