package dev.docket.app.multi;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Follows a job's event stream on a thread of its own and hands over each event with the moment it
 * arrived, so a test can measure how late it came.
 */
final class SseReader implements AutoCloseable {
  /** One dispatched event; {@code at} is {@link System#nanoTime()} on arrival. */
  record Event(String id, String type, String data, long at) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile Stream<String> lines;
  private volatile Throwable failure;

  private SseReader(HttpRequest request) {
    this.thread = Thread.ofPlatform().daemon().name("sse-reader").start(() -> read(request));
  }

  static SseReader open(String base, String key, String jobId) {
    return new SseReader(
        Http.request(base, key, "/v1/jobs/" + jobId + "/events/stream")
            .timeout(Duration.ofMinutes(5))
            .header("Accept", "text/event-stream")
            .GET()
            .build());
  }

  private void read(HttpRequest request) {
    try {
      HttpResponse<Stream<String>> r =
          Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
      if (r.statusCode() != 200) {
        throw new IOException("stream answered " + r.statusCode());
      }
      lines = r.body();
      String id = null;
      String type = null;
      String data = null;
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, type == null ? "message" : type, data, System.nanoTime()));
          }
          id = null;
          type = null;
          data = null;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data = line.substring(5).strip();
        }
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  /** The next event, or null after {@code timeout}. */
  Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null && failure != null) {
      throw new AssertionError("stream failed", failure);
    }
    return e;
  }

  @Override
  public void close() {
    Stream<String> l = lines;
    if (l != null) {
      l.close();
    }
    thread.interrupt();
  }
}
