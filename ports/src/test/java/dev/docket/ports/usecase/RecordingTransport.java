package dev.docket.ports.usecase;

import dev.docket.ports.WebhookTransport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport that records every request and answers from a script (a status code, or an exception
 * to throw), then 200 once the script runs out.
 */
final class RecordingTransport implements WebhookTransport {
  /** One request as sent. */
  record Sent(URI url, String body, Map<String, String> headers) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Deque<Object> script = new ArrayDeque<>();
  private Object always;
  private final java.util.Set<URI> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Answers 500 to every request to {@code url}, whatever the script says. */
  RecordingTransport failAlways(URI url) {
    failing.add(url);
    return this;
  }

  /** Answers these (Integer status codes or IOExceptions) first, in order. */
  synchronized RecordingTransport then(Object... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Answers this whenever the script is empty. */
  synchronized RecordingTransport always(Object answer) {
    always = answer;
    return this;
  }

  @Override
  public int post(URI url, String body, Map<String, String> headers) throws IOException {
    sent.add(new Sent(url, body, Map.copyOf(headers)));
    if (failing.contains(url)) {
      return 500;
    }
    Object answer;
    synchronized (this) {
      answer = script.isEmpty() ? (always == null ? 200 : always) : script.removeFirst();
    }
    if (answer instanceof IOException e) {
      throw e;
    }
    return (Integer) answer;
  }
}
