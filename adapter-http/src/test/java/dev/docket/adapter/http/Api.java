package dev.docket.adapter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A client of the running server acting with one API key (or none). */
final class Api {
  private final HttpClient http;
  private final URI base;
  private final String key;

  Api(HttpClient http, URI base, String key) {
    this.http = http;
    this.base = base;
    this.key = key;
  }

  String key() {
    return key;
  }

  Api as(String otherKey) {
    return new Api(http, base, otherKey);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply post(String path, String json) {
    return send(json(request(path), json).POST(body(json)));
  }

  Reply put(String path, String contentType, byte[] bytes) {
    HttpRequest.Builder b = request(path).PUT(BodyPublishers.ofByteArray(bytes));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  Reply method(String method, String path, String json) {
    return send(json(request(path), json).method(method, body(json)));
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  Reply send(HttpRequest.Builder b) {
    try {
      var r = http.send(b.build(), BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  private static HttpRequest.Builder json(HttpRequest.Builder b, String json) {
    return json == null ? b : b.header("Content-Type", "application/json");
  }

  private static BodyPublisher body(String json) {
    return json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
  }
}
