package dev.docket.app.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A client of the HTTP API as a script or CI plugin would write one: {@code java.net.http} with a
 * bearer key, JSON read with Jackson. One instance per key.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final String key;

  Api(String base, String key) {
    this.base = base;
    this.key = key;
  }

  Api as(String otherKey) {
    return new Api(base, otherKey);
  }

  Api at(String otherBase) {
    return new Api(otherBase, key);
  }

  String base() {
    return base;
  }

  String key() {
    return key;
  }

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply post(String path, Object body) {
    return post(path, body, Map.of());
  }

  Reply post(String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** Uploads an artifact as the lease holder. */
  Reply putArtifact(String jobId, String name, String type, String token, byte[] bytes) {
    return send(
        request("/v1/jobs/" + jobId + "/artifacts/" + name)
            .header("Content-Type", type)
            .header("Docket-Lease-Token", token)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  /** The artifact's bytes and headers. */
  HttpResponse<byte[]> download(String jobId, String name) {
    try {
      return HTTP.send(
          request("/v1/jobs/" + jobId + "/artifacts/" + name).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body(), parse(r));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON body of the caller's choosing: a Map or List from {@code Map.of}, or a JsonNode. */
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

  private static JsonNode parse(HttpResponse<String> r) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    return type.contains("json") && !r.body().isEmpty() ? read(r.body()) : null;
  }
}
