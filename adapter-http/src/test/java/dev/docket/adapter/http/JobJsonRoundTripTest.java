package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Transition;
import dev.docket.ports.NewJob;
import dev.docket.ports.contract.EveryJobField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every field of a job either reaches the HTTP JSON and reads back equal, or is kept back on
 * purpose. {@link #WIRE} lists each field of {@code Job} (found by reflection through {@link
 * EveryJobField}), so a field added to {@code Job} fails here until it is put on the wire or
 * declared server-side.
 */
class JobJsonRoundTripTest {
  /** Never leaves the server. */
  private static final Wire KEPT_BACK = new Wire(null, false);

  /** A field's JSON name, and whether its text is a JSON document sent as JSON. */
  private record Wire(String name, boolean document) {}

  private static final Map<String, Wire> WIRE = wire();

  /** Sent only to the worker that just claimed the job. */
  private static final String CLAIM_ONLY = "lease.token";

  private static Map<String, Wire> wire() {
    Map<String, Wire> w = new LinkedHashMap<>();
    w.put("submission.id", new Wire("id", false));
    w.put("submission.ownerId", new Wire("owner_id", false));
    w.put("submission.queue", new Wire("queue", false));
    w.put("submission.kind", new Wire("kind", false));
    w.put("submission.payload", new Wire("payload", true));
    w.put("submission.metadata", new Wire("metadata", true));
    w.put("submission.priority", new Wire("priority", false));
    w.put("submission.maxAttempts", new Wire("max_attempts", false));
    w.put("submission.idempotencyKey", new Wire("idempotency_key", false));
    w.put("submission.webhookUrl", new Wire("webhook_url", false));
    w.put("submission.createdAt", new Wire("created_at", false));
    w.put("state.status", new Wire("status", false));
    w.put("state.attempt", new Wire("attempt", false));
    w.put("state.runAt", new Wire("run_at", false));
    w.put("state.startedAt", new Wire("started_at", false));
    w.put("state.updatedAt", new Wire("updated_at", false));
    w.put("state.progress", new Wire("progress", false));
    w.put("state.eventCount", new Wire("event_count", false));
    w.put("state.version", KEPT_BACK);
    w.put("lease.workerId", new Wire("worker_id", false));
    w.put("lease.leasedBy", KEPT_BACK);
    w.put(CLAIM_ONLY, new Wire("lease_token", false));
    w.put("lease.expiresAt", new Wire("lease_expires_at", false));
    w.put("outcome.result", new Wire("result", true));
    w.put("outcome.error", new Wire("error", false));
    w.put("outcome.finishedAt", new Wire("finished_at", false));
    return w;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyFieldOfJobIsOnTheWireOrKeptBackOnPurpose() {
    Job any = EveryJobField.job(UUID.randomUUID(), UUID.randomUUID());

    assertThat(WIRE.keySet()).containsExactlyElementsOf(EveryJobField.fields(any).keySet());
  }

  @Test
  void aStoredJobWithEveryFieldSetReadsBackFromItsJsonUnchanged() {
    ApiServer.User owner = server.user("submitter");
    ApiServer.User holder = server.user("worker");
    Job every = EveryJobField.job(UUID.fromString(owner.id()), UUID.fromString(holder.id()));
    server.store.jobs().insert(List.of(new NewJob(new Transition(every, List.of()), null)));

    Reply reply = server.admin.get("/v1/jobs/" + every.id());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode json = reply.json();
    Set<String> shown = shownOutside(CLAIM_ONLY);
    assertThat(readBack(json, shown)).isEqualTo(expected(every, shown));
    assertThat(names(json)).containsExactlyInAnyOrderElementsOf(wireNames(shown, "artifacts"));
  }

  @Test
  void aClaimSendsTheJobAsStoredWithItsLeaseToken() {
    ApiServer.User owner = server.user("submitter");
    ApiServer.User worker = server.user("worker");
    String queue = ApiServer.newQueue();
    ApiServer.submit(owner.api(), queue, "resize");

    JsonNode claimed = ApiServer.claim(worker.api(), queue);

    Job stored = server.store.jobs().find(UUID.fromString(claimed.get("id").asText())).get();
    Set<String> shown = shownOutside();
    assertThat(readBack(claimed, shown)).isEqualTo(expected(stored, shown));
    assertThat(names(claimed)).containsExactlyInAnyOrderElementsOf(wireNames(shown));
  }

  /** The fields a response carries: all but those kept back and {@code except}. */
  private static Set<String> shownOutside(String... except) {
    Set<String> shown = new HashSet<>();
    WIRE.forEach(
        (field, wire) -> {
          if (wire != KEPT_BACK && !List.of(except).contains(field)) {
            shown.add(field);
          }
        });
    return shown;
  }

  private static Set<String> wireNames(Set<String> fields, String... extra) {
    Set<String> names = new HashSet<>(List.of(extra));
    fields.forEach(f -> names.add(WIRE.get(f).name()));
    return names;
  }

  private static Set<String> names(JsonNode json) {
    Set<String> names = new HashSet<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The fields of {@code job} named in {@code shown}; documents as JSON trees. */
  private static Map<String, Object> expected(Job job, Set<String> shown) {
    Map<String, Object> out = new LinkedHashMap<>();
    EveryJobField.fields(job)
        .forEach(
            (field, value) -> {
              if (shown.contains(field)) {
                out.put(field, WIRE.get(field).document() && value != null ? tree(value) : value);
              }
            });
    return out;
  }

  /** The fields of {@code json} named in {@code shown}, read back into the types of {@code Job}. */
  private static Map<String, Object> readBack(JsonNode json, Set<String> shown) {
    Map<String, Object> out = new LinkedHashMap<>();
    Job types = EveryJobField.job(UUID.randomUUID(), UUID.randomUUID());
    EveryJobField.fields(types)
        .forEach(
            (field, sample) -> {
              if (shown.contains(field)) {
                Wire wire = WIRE.get(field);
                out.put(field, value(json.get(wire.name()), sample, wire.document()));
              }
            });
    return out;
  }

  /** {@code node} as a value of the type of {@code sample}. */
  private static Object value(JsonNode node, Object sample, boolean document) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (document) {
      return node;
    }
    return switch (sample) {
      case UUID u -> UUID.fromString(node.asText());
      case Instant t -> Instant.parse(node.asText());
      case JobStatus s -> JobStatus.fromWire("status", node.asText());
      case Integer i -> node.intValue();
      case Long l -> node.longValue();
      case Double d -> node.doubleValue();
      case String s -> node.textValue();
      default -> throw new AssertionError("no wire type for " + sample.getClass());
    };
  }

  private static JsonNode tree(Object text) {
    try {
      return JSON.readTree((String) text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
