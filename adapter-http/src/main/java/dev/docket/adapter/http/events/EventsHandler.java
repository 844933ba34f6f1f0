package dev.docket.adapter.http.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Params;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.domain.EventDraft;
import dev.docket.domain.FieldError;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Rules;
import dev.docket.domain.Transition;
import dev.docket.ports.usecase.EventService;
import dev.docket.ports.usecase.WorkerService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's log: append (lease holder, admin) and read in pages. The stream is {@link EventStream}.
 */
public final class EventsHandler {
  private final WorkerService workers;
  private final EventService events;
  private final Bodies bodies;
  private final Replies replies;

  public EventsHandler(WorkerService workers, EventService events, Bodies bodies, Replies replies) {
    this.workers = workers;
    this.events = events;
    this.bodies = bodies;
    this.replies = replies;
  }

  public void append(Context ctx) throws IOException {
    AppendBody b = bodies.read(ctx, AppendBody.class);
    List<EventDraft> drafts = drafts(b.events());
    Transition t = workers.append(Auth.actor(ctx), Params.jobId(ctx), b.leaseToken(), drafts);
    List<JobEvent> added = t.events();
    replies.json(ctx, 201, new AppendView(added.getFirst().seq(), added.getLast().seq()));
  }

  public void list(Context ctx) throws IOException {
    long from = Params.longValue(ctx, "from", 0);
    int limit =
        Params.integer(ctx, "limit", Rules.EVENTS_PER_APPEND_MAX, 1, Rules.EVENTS_PER_APPEND_MAX);
    List<JobEvent> page = events.list(Auth.actor(ctx), Params.jobId(ctx), from, limit);
    long next = page.isEmpty() ? from : page.getLast().seq() + 1;
    replies.ok(ctx, new EventList(page.stream().map(EventView::of).toList(), next));
  }

  /**
   * The core checks types and counts; the shapes of the built-in types' data are checked here,
   * where the JSON is still parsed: {@code log} takes a string, {@code progress} a number 0–100.
   */
  private List<EventDraft> drafts(List<EventBody> in) {
    List<EventDraft> out = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; in != null && i < in.size(); i++) {
      EventBody e = in.get(i);
      String field = "events[" + i + "]";
      if (e == null) {
        errors.add(new FieldError(field, "must be an object"));
        continue;
      }
      // checked here too (the core checks again) so one answer lists every broken field
      Rules.eventType(field + ".type", e.type(), errors);
      JsonNode data = e.data();
      if (JobEvent.LOG.equals(e.type()) && (data == null || !data.isTextual())) {
        errors.add(new FieldError(field + ".data", "must be a string for a log event"));
      } else if (JobEvent.PROGRESS.equals(e.type())
          && (data == null || !data.isNumber() || data.asDouble() < 0 || data.asDouble() > 100)) {
        errors.add(
            new FieldError(field + ".data", "must be a number from 0 to 100 for a progress event"));
      }
      out.add(
          new EventDraft(
              e.type() == null ? "" : e.type(), data == null ? "null" : bodies.text(data)));
    }
    Rules.throwIfAny(errors);
    return out;
  }
}
