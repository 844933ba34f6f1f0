package dev.docket.adapter.http.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.problem.ApiException;
import dev.docket.adapter.http.problem.ProblemType;
import dev.docket.adapter.http.wire.Params;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.ValidationException;
import dev.docket.ports.JobSignals;
import dev.docket.ports.usecase.EventService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/jobs/{id}/events/stream}: Server-Sent Events. Each stream is one (virtual) request
 * thread running a plain loop: send what is stored, wait for a wake-up from the job's signals (or
 * the keep-alive interval), re-read the store. Signals are only hints, so a missed or spurious one
 * costs at most a keep-alive interval, never an event. When the job is terminal and every event is
 * out, an {@code end} event closes the stream.
 */
public final class EventStream {
  private static final int PAGE = 1000;

  private final EventService events;
  private final ObjectMapper json;
  private final Duration keepAlive;
  private final Set<Semaphore> open = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  public EventStream(EventService events, ObjectMapper json, Duration keepAlive) {
    this.events = events;
    this.json = json;
    this.keepAlive = keepAlive;
  }

  public void handle(Context ctx) throws IOException, InterruptedException {
    UUID id = Params.jobId(ctx);
    requireEventStream(ctx);
    long from = start(ctx);
    events.job(Auth.actor(ctx), id);
    Semaphore wake = new Semaphore(0);
    open.add(wake);
    // subscribed before the first read, so nothing appended in between goes unnoticed
    JobSignals.Subscription sub = events.subscribe(id, wake::release);
    try {
      OutputStream out = open(ctx.res());
      if (ctx.method() == HandlerType.HEAD) {
        return; // the headers are the whole answer; a loop would only write into the void
      }
      pump(id, from, wake, out);
    } finally {
      sub.close();
      open.remove(wake);
    }
  }

  /** Ends every open stream at once (the server is stopping), rather than at its next wake-up. */
  public void stopAll() {
    stopping = true;
    open.forEach(Semaphore::release);
  }

  private void pump(UUID id, long from, Semaphore wake, OutputStream out)
      throws IOException, InterruptedException {
    long next = from;
    while (!stopping) {
      // read the status first: a terminal job's last events are stored before it is seen terminal
      Job job = events.current(id);
      next = sendStored(id, next, out);
      if (job.status().isTerminal()) {
        write(out, "event: end\ndata: {\"status\":\"" + job.status().wire() + "\"}\n\n");
        return;
      }
      if (!wake.tryAcquire(keepAlive.toMillis(), TimeUnit.MILLISECONDS)) {
        write(out, ": keep-alive\n\n");
      }
      wake.drainPermits();
    }
  }

  private long sendStored(UUID id, long from, OutputStream out) throws IOException {
    long next = from;
    while (true) {
      List<JobEvent> batch = events.read(id, next, PAGE);
      if (batch.isEmpty()) {
        return next;
      }
      StringBuilder b = new StringBuilder();
      for (JobEvent e : batch) {
        b.append("id: ").append(e.seq()).append('\n');
        b.append("event: ").append(e.type()).append('\n');
        b.append("data: ").append(json.writeValueAsString(EventView.of(e))).append("\n\n");
      }
      write(out, b.toString());
      next = batch.getLast().seq() + 1;
      if (batch.size() < PAGE) {
        return next;
      }
    }
  }

  private static OutputStream open(HttpServletResponse res) throws IOException {
    res.setStatus(200);
    res.setContentType("text/event-stream; charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no");
    OutputStream out = res.getOutputStream();
    out.flush();
    return out;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** {@code Last-Event-ID} + 1 when a client reconnects, else {@code ?from=} (default 0). */
  private static long start(Context ctx) {
    String last = ctx.header("Last-Event-ID");
    if (last != null && !last.isBlank()) {
      try {
        long seq = Long.parseLong(last.strip());
        if (seq >= 0) {
          return seq + 1;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ValidationException.of("Last-Event-ID", "must be the seq of an event");
    }
    long from = Params.longValue(ctx, "from", 0);
    if (from < 0) {
      throw ValidationException.of("from", "must be >= 0");
    }
    return from;
  }

  /** Clients ask for {@code text/event-stream}; one that accepts only something else gets a 406. */
  private static void requireEventStream(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) {
      return;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    if (!a.contains("text/event-stream") && !a.contains("*/*") && !a.contains("text/*")) {
      throw new ApiException(
          ProblemType.NOT_ACCEPTABLE,
          "this route answers text/event-stream; send Accept: text/event-stream");
    }
  }
}
