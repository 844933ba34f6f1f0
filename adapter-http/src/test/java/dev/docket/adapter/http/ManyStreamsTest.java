package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hundreds of open streams on one server: each a parked virtual thread, none starving the rest. */
class ManyStreamsTest {
  static final int JOBS = 5;
  static final int STREAMS_PER_JOB = 100;
  static final int BATCHES = 3;
  static final int EVENTS_PER_BATCH = 10;
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Timeout(90)
  void fiveHundredStreamsEachSeeEveryEventOfTheirJob() throws Exception {
    ApiServer.User submitter = server.user("submitter");
    ApiServer.User worker = server.user("worker");
    List<JsonNode> jobs = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      String q = newQueue();
      submit(submitter.api(), q, "k");
      jobs.add(claim(worker.api(), q));
    }
    List<SseClient> streams = new ArrayList<>();
    try (ExecutorService open = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<SseClient>> opening = new ArrayList<>();
      for (JsonNode j : jobs) {
        for (int s = 0; s < STREAMS_PER_JOB; s++) {
          String path = "/v1/jobs/" + j.get("id").asText() + "/events/stream";
          opening.add(open.submit(() -> SseClient.open(submitter.api(), path, Map.of())));
        }
      }
      for (Future<SseClient> f : opening) {
        streams.add(f.get());
      }
    }
    try {
      assertThat(streams).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
      for (int b = 0; b < BATCHES; b++) {
        for (JsonNode j : jobs) {
          appendBatch(worker, j, b);
        }
      }
      for (JsonNode j : jobs) {
        Reply done =
            worker
                .api()
                .post(
                    "/v1/jobs/" + j.get("id").asText() + "/complete",
                    "{\"lease_token\":\"" + j.get("lease_token").asText() + "\"}");
        assertThat(done.status()).isEqualTo(200);
      }
      // created + claimed + the appended events + succeeded, then end
      long expected = 2 + BATCHES * EVENTS_PER_BATCH + 1;
      try (ExecutorService check = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<List<SseEvent>>> reads = new ArrayList<>();
        for (SseClient s : streams) {
          reads.add(check.submit(() -> s.eventsUntil("end", Duration.ofSeconds(60))));
        }
        for (Future<List<SseEvent>> r : reads) {
          List<SseEvent> got = r.get();
          List<String> ids = got.stream().map(SseEvent::id).filter(id -> id != null).toList();
          assertThat(ids).hasSize((int) expected);
          for (int seq = 0; seq < expected; seq++) {
            assertThat(ids.get(seq)).isEqualTo(Integer.toString(seq));
          }
        }
      }
    } finally {
      streams.forEach(SseClient::close);
    }
  }

  private static void appendBatch(ApiServer.User worker, JsonNode j, int batch) {
    StringBuilder events = new StringBuilder();
    for (int e = 0; e < EVENTS_PER_BATCH; e++) {
      if (e > 0) {
        events.append(',');
      }
      events
          .append("{\"type\":\"log\",\"data\":\"b")
          .append(batch)
          .append('e')
          .append(e)
          .append("\"}");
    }
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
