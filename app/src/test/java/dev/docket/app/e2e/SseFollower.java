package dev.docket.app.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Follows a job's event stream on a thread of its own, as a CI log viewer does, until the server
 * closes it. Comment lines (keep-alives) are skipped; every dispatched event is kept in order.
 */
final class SseFollower {
  private SseFollower() {}

  static CompletableFuture<List<SseEvent>> follow(Api api, String jobId) {
    CompletableFuture<List<SseEvent>> result = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("sse-" + jobId)
        .start(
            () -> {
              try {
                result.complete(read(api, jobId));
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  private static List<SseEvent> read(Api api, String jobId) throws Exception {
    HttpRequest request =
        api.request("/v1/jobs/" + jobId + "/events/stream")
            // the stream is open for the whole run; only the connection may not hang forever
            .timeout(Duration.ofMinutes(3))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpResponse<java.io.InputStream> r =
        Api.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new AssertionError("stream answered " + r.statusCode());
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("text/event-stream")) {
      throw new AssertionError("stream Content-Type " + type);
    }
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      return parse(in);
    }
  }

  /** The SSE wire format: fields until a blank line dispatch one event. */
  private static List<SseEvent> parse(BufferedReader in) {
    List<SseEvent> events = new ArrayList<>();
    String id = null;
    String event = null;
    StringBuilder data = null;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new SseEvent(id, event == null ? "message" : event, data.toString()));
          }
          id = null;
          event = null;
          data = null;
        } else if (line.startsWith(":")) {
          continue;
        } else if (line.startsWith("id:")) {
          id = value(line);
        } else if (line.startsWith("event:")) {
          event = value(line);
        } else if (line.startsWith("data:")) {
          data = data == null ? new StringBuilder() : data.append('\n');
          data.append(value(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  private static String value(String line) {
    String v = line.substring(line.indexOf(':') + 1);
    return v.startsWith(" ") ? v.substring(1) : v;
  }
}
