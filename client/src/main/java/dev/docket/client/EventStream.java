package dev.docket.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.model.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A followed event log (server-sent events), read as a blocking iterator or a {@link Stream}. It
 * ends after the server's {@code end} event; {@link #endStatus()} then tells the job's final
 * status. A dropped connection is reopened with {@code Last-Event-ID} set to the last seq received,
 * within the client's retry budget (counted afresh for each reconnection); when that runs out, the
 * iterator throws {@link DocketUnreachableException}. A connection on which nothing arrives for the
 * client's stream idle timeout (the server sends a comment every 15 s by default) counts as
 * dropped, so a server or network that vanished without closing it is noticed as well.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from any thread to stop a read
 * in progress.
 */
public final class EventStream implements Iterator<Event>, AutoCloseable {
  private final Transport t;
  private final String path;
  private final long from;
  private final Duration idleTimeout;
  private long lastSeq = -1;
  private BufferedReader reader;
  private volatile InputStream body;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean reading;
  private int drops; // connections lost in a row without an event in between
  private long firstDrop;
  private Thread watchdog;
  private Event next;
  private String endStatus;
  private volatile boolean closed;

  EventStream(Transport t, String path, long from, Duration idleTimeout) {
    this.t = t;
    this.path = path;
    this.from = from;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public boolean hasNext() {
    while (next == null && endStatus == null && !closed) {
      try {
        if (reader == null) {
          waitBeforeReopening();
          reader = open();
        }
        lastActivity = System.nanoTime();
        reading = true;
        try {
          next = read();
        } finally {
          reading = false;
        }
        if (next == null && endStatus == null) {
          dropped(); // the connection ended without the end event
        }
      } catch (IOException e) {
        if (closed) {
          break;
        }
        dropped();
      }
    }
    return next != null;
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Event e = next;
    next = null;
    return e;
  }

  /** The job's final status once the {@code end} event arrived; empty before, or when closed. */
  public Optional<String> endStatus() {
    return Optional.ofNullable(endStatus);
  }

  /** The remaining events as a sequential stream; closing the stream closes this. */
  public Stream<Event> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  @Override
  public void close() {
    closed = true;
    Thread w = watchdog;
    if (w != null) {
      w.interrupt();
    }
    cut();
  }

  /**
   * Ends the current connection. The raw body is closed rather than the reader, whose lock a
   * blocked read holds; the blocked read then sees the end of its stream.
   */
  private void cut() {
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // closing only cancels the exchange; nothing to report
      }
    }
  }

  /** Cuts a connection on which nothing arrived for the idle timeout, so that it is reopened. */
  private void watch() {
    long step = Math.max(1, idleTimeout.toMillis() / 4);
    while (!closed) {
      try {
        Thread.sleep(step);
      } catch (InterruptedException e) {
        return;
      }
      // only a read that waits counts: a caller slow to ask for the next event is not a dead link
      if (reading && System.nanoTime() - lastActivity > idleTimeout.toNanos()) {
        lastActivity = System.nanoTime();
        cut();
      }
    }
  }

  private BufferedReader open() {
    String q = lastSeq < 0 ? new Query().add("from", from).toString() : "";
    // no overall timeout: a stream may stay idle for long (the server sends comments every 15 s)
    HttpRequest.Builder b =
        t.request(path + q, Duration.ofDays(365)).header("Accept", "text/event-stream").GET();
    if (lastSeq >= 0) {
      b.header("Last-Event-ID", Long.toString(lastSeq));
    }
    HttpResponse<InputStream> r = t.send(b.build(), Replay.ANY_FAILURE);
    body = r.body();
    lastActivity = System.nanoTime();
    if (watchdog == null) {
      watchdog = Thread.ofVirtual().name("docket-event-stream-watchdog").start(this::watch);
    }
    if (closed) {
      cut();
    }
    return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  private void dropped() {
    reader = null;
    cut();
    if (drops++ == 0) {
      firstDrop = System.nanoTime();
    }
  }

  /**
   * Backs off between reconnections that bring no event, so a server that accepts and at once
   * closes the stream is not hammered; gives up when that lasts longer than the retry budget.
   */
  private void waitBeforeReopening() {
    if (drops == 0) {
      return;
    }
    if (!t.pause(firstDrop, drops - 1, null)) {
      throw new DocketUnreachableException(
          "the event stream of " + path + " keeps dropping",
          new IOException(drops + " connections lost without an event"));
    }
  }

  /** The next event, or null at the end event or when the connection ended. */
  private Event read() throws IOException {
    String event = null;
    StringBuilder data = null;
    String line;
    while ((line = reader.readLine()) != null) {
      lastActivity = System.nanoTime();
      if (line.isEmpty()) {
        if (data != null) {
          Event e = dispatch(event, data.toString());
          if (e != null || endStatus != null) {
            return e;
          }
        }
        event = null;
        data = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue; // keep-alive comment
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> event = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {} // id repeats the event's seq; retry is ours to choose
      }
    }
    return null;
  }

  private Event dispatch(String type, String data) {
    try {
      if ("end".equals(type)) {
        endStatus = Json.MAPPER.readTree(data).path("status").asText();
        close();
        return null;
      }
      Event e = Json.MAPPER.readValue(data, Event.class);
      lastSeq = e.seq();
      drops = 0;
      return e;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("an event that is not JSON: " + data, e);
    }
  }
}
