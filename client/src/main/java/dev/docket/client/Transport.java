package dev.docket.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docket.client.error.DocketException;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.error.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends requests with the key, retries them as their {@link Replay} allows, and turns error answers
 * into typed exceptions. Every answer is read as a stream, so downloads and event streams never sit
 * in memory whole.
 */
final class Transport {
  private static final String JSON = "application/json; charset=utf-8";

  private final HttpClient http;
  private final URI base;
  private final String apiKey;
  private final Duration requestTimeout;
  private final RetryPolicy retry;

  Transport(HttpClient http, URI base, String apiKey, Duration requestTimeout, RetryPolicy retry) {
    this.http = http;
    this.base = base;
    this.apiKey = apiKey;
    this.requestTimeout = requestTimeout;
    this.retry = retry;
  }

  /** A request to {@code path} (with its query) carrying the key, timed out after {@code extra}. */
  HttpRequest.Builder request(String path, Duration extra) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(requestTimeout.plus(extra))
            .header("User-Agent", "docket-client");
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    return b;
  }

  /** Calls a JSON route; the answer's body, or null for 204. */
  JsonNode json(String method, String path, Object body, Replay replay) {
    return json(request(path, Duration.ZERO), method, body, replay);
  }

  JsonNode json(HttpRequest.Builder b, String method, Object body, Replay replay) {
    b.header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", JSON)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    }
    HttpResponse<InputStream> r = send(b.build(), replay);
    try (InputStream in = r.body()) {
      byte[] bytes = in.readAllBytes();
      return bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new DocketUnreachableException("reading the answer of " + path(b), e);
    }
  }

  <T> T json(String method, String path, Object body, Replay replay, Class<T> type) {
    return convert(json(method, path, body, replay), type);
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    return Json.MAPPER.convertValue(node, type);
  }

  /**
   * Sends {@code request}, repeating it within the retry budget when {@code replay} allows; returns
   * a 2xx answer (whose body the caller closes) or throws the typed error.
   */
  HttpResponse<InputStream> send(HttpRequest request, Replay replay) {
    long start = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<InputStream> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (!mayRepeat(e, replay) || !pause(start, attempt, null)) {
          throw new DocketUnreachableException(
              request.method() + " " + request.uri() + ": " + e, e);
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DocketUnreachableException(
            "interrupted", new InterruptedIOException(e.getMessage()));
      }
      if (r.statusCode() < 400) {
        return r;
      }
      boolean docket503 = r.statusCode() == 503 && isProblem(r);
      Problem problem = problem(r);
      if (r.statusCode() == 503 && mayRepeat503(docket503, replay)) {
        if (pause(start, attempt, retryAfter(r))) {
          continue;
        }
      }
      throw DocketException.of(problem);
    }
  }

  private static boolean mayRepeat(IOException e, Replay replay) {
    return switch (replay) {
      case ANY_FAILURE -> true;
      case UNSENT_ONLY -> unsent(e);
      case NEVER -> false;
    };
  }

  /**
   * Docket's own 503 (a problem document) promises that nothing was written, so any call may be
   * sent again; a 503 from something in between (a proxy whose upstream broke) promises nothing, so
   * only calls that may be repeated after any failure are.
   */
  private static boolean mayRepeat503(boolean fromDocket, Replay replay) {
    return switch (replay) {
      case ANY_FAILURE -> true;
      case UNSENT_ONLY -> fromDocket;
      case NEVER -> false;
    };
  }

  private static boolean isProblem(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("").contains("problem+json");
  }

  /** The request never left: the connection was refused or could not be made in time. */
  static boolean unsent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** Sleeps before retry {@code attempt}; false when that would overrun the budget. */
  boolean pause(long start, int attempt, Duration retryAfter) {
    Duration delay = retry.delay(attempt);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    Duration spent = Duration.ofNanos(System.nanoTime() - start);
    if (spent.plus(delay).compareTo(retry.budget()) > 0) {
      return false;
    }
    try {
      Thread.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpResponse<?> r) {
    return retryAfter(r.headers().firstValue("Retry-After").orElse(null));
  }

  static Duration retryAfter(String v) {
    if (v == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  /** The problem details of an error answer; a body that is not one becomes a plain problem. */
  static Problem problem(HttpResponse<InputStream> r) {
    String text;
    try (InputStream in = r.body()) {
      text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      if (n instanceof ObjectNode o) {
        return problem(o, r.statusCode());
      }
    } catch (JsonProcessingException notJson) {
      // a proxy's HTML page, say: keep its text as the detail
    }
    return new Problem(
        "about:blank", "HTTP " + r.statusCode(), r.statusCode(), text.strip(), null, null);
  }

  private static Problem problem(ObjectNode o, int status) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (o.get("errors") != null && o.get("errors").isArray()) {
      for (JsonNode e : o.get("errors")) {
        errors.add(new Problem.FieldError(text(e, "field"), text(e, "message")));
      }
    }
    Map<String, JsonNode> extensions = new HashMap<>();
    for (Map.Entry<String, JsonNode> f : o.properties()) {
      switch (f.getKey()) {
        case "type", "title", "status", "detail", "errors" -> {}
        default -> extensions.put(f.getKey(), f.getValue());
      }
    }
    int s = o.path("status").asInt(status);
    return new Problem(text(o, "type"), text(o, "title"), s, text(o, "detail"), errors, extensions);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static byte[] bytes(Object body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not writable as JSON: " + body, e);
    }
  }

  private static String path(HttpRequest.Builder b) {
    return b.build().uri().getPath();
  }

  static String seg(String pathSegment) {
    return Query.encode(pathSegment);
  }
}
