package dev.docket.adapter.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a text/event-stream response on a virtual thread into a queue of messages. */
final class SseClient implements AutoCloseable {
  final HttpResponse<InputStream> response;
  private final BlockingQueue<SseEvent> messages = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    if (response.statusCode() == 200) {
      Thread.ofVirtual().start(this::read);
    } else {
      ended.countDown();
    }
  }

  static SseClient open(Api api, String path, Map<String, String> headers) {
    HttpRequest.Builder b = api.request(path).header("Accept", "text/event-stream").GET();
    headers.forEach(b::setHeader);
    try {
      return new SseClient(api.http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int status() {
    return response.statusCode();
  }

  String errorBody() throws IOException {
    return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The next message, failing when none comes within {@code timeout}. */
  SseEvent next(Duration timeout) throws InterruptedException {
    SseEvent e = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return e;
  }

  /** Events (comments skipped) up to and including the first of type {@code last}. */
  List<SseEvent> eventsUntil(String last, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<SseEvent> out = new ArrayList<>();
    while (true) {
      SseEvent e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (e.isComment()) {
        continue;
      }
      out.add(e);
      if (last.equals(e.event())) {
        return out;
      }
    }
  }

  /** Whether the server closed the stream within {@code timeout}. */
  boolean endsWithin(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      StringBuilder data = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (event != null || data != null) {
            messages.add(new SseEvent(id, event, data == null ? null : data.toString(), null));
          }
          id = null;
          event = null;
          data = null;
        } else if (line.startsWith(":")) {
          messages.add(new SseEvent(null, null, null, line.substring(1).strip()));
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data =
              data == null
                  ? new StringBuilder(line.substring(6))
                  : data.append('\n').append(line.substring(6));
        }
      }
    } catch (IOException e) {
      // the stream was closed by close() or cut by the server
    } finally {
      ended.countDown();
    }
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // closing is all we wanted
    }
  }
}
