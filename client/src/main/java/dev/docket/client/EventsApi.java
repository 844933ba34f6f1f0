package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.client.error.JobCancelledException;
import dev.docket.client.error.LeaseLostException;
import dev.docket.client.error.NotFoundException;
import dev.docket.client.model.AppendResult;
import dev.docket.client.model.Event;
import dev.docket.client.model.EventPage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's event log: append (lease holders), read a page, or follow it live.
 *
 * <p>An append is repeated only when the server surely did not act (connection refused, or Docket's
 * own 503): the log is append-only, so a repeated append that had arrived would write its events
 * twice.
 */
public final class EventsApi {
  private final Transport t;
  private final Duration idleTimeout;

  EventsApi(Transport t, Duration idleTimeout) {
    this.t = t;
    this.idleTimeout = idleTimeout;
  }

  /**
   * Appends events atomically (up to 1000); {@code leaseToken} may be null for an admin.
   *
   * @throws LeaseLostException the lease is no longer this worker's
   * @throws JobCancelledException the job was cancelled
   */
  public AppendResult append(String jobId, String leaseToken, List<NewEvent> events) {
    Map<String, Object> body = new HashMap<>();
    if (leaseToken != null) {
      body.put("lease_token", leaseToken);
    }
    body.put("events", events);
    return t.json("POST", path(jobId), body, Replay.UNSENT_ONLY, AppendResult.class);
  }

  /** Up to {@code limit} events (null: the server's 1000) from {@code from} on. */
  public EventPage list(String jobId, long from, Integer limit) {
    String q = new Query().add("from", from).add("limit", limit).toString();
    JsonNode body = t.json("GET", path(jobId) + q, null, Replay.ANY_FAILURE);
    return new EventPage(Lists.items(body, "events", Event.class), body.path("next_from").asLong());
  }

  /**
   * Follows the log from {@code from} until the job is terminal and every event has arrived,
   * reconnecting after a dropped connection from the last event received ({@code Last-Event-ID}),
   * so no event is lost or repeated; a connection silent for the client's stream idle timeout is
   * reopened the same way. Close the stream to stop early.
   *
   * @throws NotFoundException (from the stream's first read) no such job, or another user's
   */
  public EventStream follow(String jobId, long from) {
    return new EventStream(t, path(jobId) + "/stream", from, idleTimeout);
  }

  private static String path(String jobId) {
    return "v1/jobs/" + Transport.seg(jobId) + "/events";
  }
}
