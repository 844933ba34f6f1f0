package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStreamTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final ObjectMapper JSON = new ObjectMapper();
  static ApiServer server;
  static ApiServer.User submitter;
  static ApiServer.User other;
  static ApiServer.User worker;

  @BeforeAll
  static void start() {
    server = ApiServer.start(c -> c.withSseKeepAlive(Duration.ofMillis(300)));
    submitter = server.user("submitter");
    other = server.user("submitter");
    worker = server.user("worker");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void sendsStoredEventsThenLiveOnesThenAnEndEventAndCloses() throws Exception {
    JsonNode j = running();
    String id = j.get("id").asText();
    append(j, "{\"type\":\"log\",\"data\":\"stored\"}");
    try (SseClient s =
        SseClient.open(submitter.api(), "/v1/jobs/" + id + "/events/stream", Map.of())) {
      assertThat(s.status()).isEqualTo(200);
      assertThat(s.response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      SseEvent created = nextEvent(s);
      assertThat(created.id()).isEqualTo("0");
      assertThat(created.event()).isEqualTo("status");
      JsonNode data = JSON.readTree(created.data());
      assertThat(data.get("seq").asLong()).isZero();
      assertThat(data.get("type").asText()).isEqualTo("status");
      assertThat(data.get("data").get("to").asText()).isEqualTo("queued");
      assertThat(data.get("at").asText()).endsWith("Z");
      assertThat(nextEvent(s).id()).isEqualTo("1");
      SseEvent stored = nextEvent(s);
      assertThat(stored.event()).isEqualTo("log");
      assertThat(JSON.readTree(stored.data()).get("data").asText()).isEqualTo("stored");

      append(j, "{\"type\":\"log\",\"data\":\"live\"}");
      SseEvent live = nextEvent(s);
      assertThat(live.id()).isEqualTo("3");
      assertThat(JSON.readTree(live.data()).get("data").asText()).isEqualTo("live");

      worker
          .api()
          .post(
              "/v1/jobs/" + id + "/complete",
              "{\"lease_token\":\"" + j.get("lease_token").asText() + "\"}");
      List<SseEvent> rest = s.eventsUntil("end", WAIT);
      assertThat(rest).extracting(SseEvent::event).containsExactly("status", "end");
      assertThat(rest.get(0).id()).isEqualTo("4");
      SseEvent end = rest.get(1);
      assertThat(end.id()).isNull();
      assertThat(JSON.readTree(end.data()).get("status").asText()).isEqualTo("succeeded");
      assertThat(s.endsWithin(WAIT)).isTrue();
    }
  }

  @Test
  void resumesAfterLastEventId() throws Exception {
    JsonNode j = running();
    String id = j.get("id").asText();
    append(j, "{\"type\":\"log\",\"data\":\"a\"},{\"type\":\"log\",\"data\":\"b\"}");
    try (SseClient s =
        SseClient.open(
            submitter.api(),
            "/v1/jobs/" + id + "/events/stream?from=0",
            Map.of("Last-Event-ID", "2"))) {
      SseEvent first = nextEvent(s);
      assertThat(first.id()).isEqualTo("3");
      assertThat(JSON.readTree(first.data()).get("data").asText()).isEqualTo("b");
    }
  }

  @Test
  void startsAtFromWithoutLastEventId() throws Exception {
    JsonNode j = running();
    try (SseClient s =
        SseClient.open(
            submitter.api(),
            "/v1/jobs/" + j.get("id").asText() + "/events/stream?from=1",
            Map.of())) {
      assertThat(nextEvent(s).id()).isEqualTo("1");
    }
  }

  @Test
  void aTerminalJobStreamsItsWholeLogThenEndsAtOnce() throws Exception {
    String id = submit(submitter.api(), newQueue(), "k").get("id").asText();
    submitter.api().post("/v1/jobs/" + id + "/cancel", null);
    try (SseClient s =
        SseClient.open(submitter.api(), "/v1/jobs/" + id + "/events/stream", Map.of())) {
      List<SseEvent> all = s.eventsUntil("end", WAIT);
      assertThat(all).extracting(SseEvent::id).containsExactly("0", "1", null);
      assertThat(JSON.readTree(all.get(2).data()).get("status").asText()).isEqualTo("cancelled");
      assertThat(s.endsWithin(WAIT)).isTrue();
    }
  }

  @Test
  void sendsAKeepAliveCommentWhileIdle() throws Exception {
    JsonNode j = running();
    try (SseClient s =
        SseClient.open(
            submitter.api(),
            "/v1/jobs/" + j.get("id").asText() + "/events/stream?from=2",
            Map.of())) {
      SseEvent e = s.next(WAIT);
      assertThat(e.isComment()).isTrue();
      assertThat(e.comment()).isEqualTo("keep-alive");
    }
  }

  @Test
  void errorsBeforeTheStreamStartsAreProblems() throws Exception {
    JsonNode j = running();
    String path = "/v1/jobs/" + j.get("id").asText() + "/events/stream";
    try (SseClient s = SseClient.open(server.anonymous(), path, Map.of())) {
      assertThat(s.status()).isEqualTo(401);
      assertThat(s.response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(s.response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }
    try (SseClient s = SseClient.open(other.api(), path, Map.of())) {
      assertThat(s.status()).isEqualTo(404);
      assertThat(JSON.readTree(s.errorBody()).get("type").asText()).endsWith("/not-found");
    }
    try (SseClient s = SseClient.open(submitter.api(), path, Map.of("Last-Event-ID", "abc"))) {
      assertThat(s.status()).isEqualTo(400);
    }
    try (SseClient s =
        SseClient.open(submitter.api(), path, Map.of("Accept", "application/json"))) {
      assertThat(s.status()).isEqualTo(406);
    }
  }

  private static SseEvent nextEvent(SseClient s) throws InterruptedException {
    while (true) {
      SseEvent e = s.next(WAIT);
      if (!e.isComment()) {
        return e;
      }
    }
  }

  private static JsonNode running() {
    String q = newQueue();
    submit(submitter.api(), q, "k");
    return claim(worker.api(), q);
  }

  private static void append(JsonNode j, String events) {
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/events",
                "{\"lease_token\":\""
                    + j.get("lease_token").asText()
                    + "\",\"events\":["
                    + events
                    + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
