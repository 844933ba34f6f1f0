package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.client.error.DocketException;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.model.AuditEntry;
import dev.docket.client.model.Page;
import dev.docket.client.model.PruneResult;
import dev.docket.client.model.Stats;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Operations: statistics, the audit log, pruning, health, metrics and the API description. */
public final class OpsApi {
  private final Transport t;

  OpsApi(Transport t) {
    this.t = t;
  }

  /**
   * Job statistics (a submitter sees its own jobs); {@code queue} and {@code since} may be null.
   */
  public Stats stats(String queue, Instant since) {
    String q = new Query().add("queue", queue).add("since", since).toString();
    return t.json("GET", "v1/stats" + q, null, Replay.ANY_FAILURE, Stats.class);
  }

  /** One page of the audit log, newest first (admin). */
  public Page<AuditEntry> audit(AuditQuery query) {
    return Lists.page(
        t.json("GET", "v1/audit" + query.toQuery(), null, Replay.ANY_FAILURE),
        "entries",
        AuditEntry.class);
  }

  /**
   * Deletes terminal jobs finished more than {@code olderThan} ago (admin). Repeated after any
   * failure: a second prune with the same cut-off finds nothing more to delete.
   */
  public PruneResult prune(Duration olderThan) {
    Map<String, Object> body = Map.of("older_than", olderThan.toSeconds());
    return t.json("POST", "v1/admin/prune", body, Replay.ANY_FAILURE, PruneResult.class);
  }

  /** Whether the process answers {@code /healthz} (no retries, no key needed). */
  public boolean healthy() {
    return probe("healthz");
  }

  /** Whether {@code /readyz} says the store answers and start-up is complete. */
  public boolean ready() {
    return probe("readyz");
  }

  /** The Prometheus metrics as text ({@code /metrics}; sent with the key when one is set). */
  public String metrics() {
    HttpRequest r = t.request("metrics", Duration.ZERO).GET().build();
    try (InputStream in = t.send(r, Replay.ANY_FAILURE).body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DocketUnreachableException("reading /metrics", e);
    }
  }

  /** The server's OpenAPI 3.1 description ({@code /openapi.json}). */
  public JsonNode openApi() {
    return t.json("GET", "openapi.json", null, Replay.ANY_FAILURE);
  }

  private boolean probe(String path) {
    try {
      HttpResponse<InputStream> r =
          t.send(t.request(path, Duration.ZERO).GET().build(), Replay.NEVER);
      r.body().close();
      return true;
    } catch (IOException | DocketException e) {
      return false;
    }
  }
}
