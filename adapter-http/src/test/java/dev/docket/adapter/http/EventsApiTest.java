package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventsApiTest {
  static ApiServer server;
  static ApiServer.User submitter;
  static ApiServer.User other;
  static ApiServer.User worker;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    submitter = server.user("submitter");
    other = server.user("submitter");
    worker = server.user("worker");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void appendGivesDenseSeqsAfterTheStatusEvents() {
    JsonNode j = running();
    Reply r =
        append(
            j,
            "[{\"type\":\"log\",\"data\":\"hello\"},{\"type\":\"progress\",\"data\":50},{\"type\":\"test.result\",\"data\":{\"passed\":3}}]");
    assertThat(r.status()).isEqualTo(201);
    // seq 0: created (queued), seq 1: claimed (running)
    assertThat(r.json().get("first_seq").asLong()).isEqualTo(2);
    assertThat(r.json().get("last_seq").asLong()).isEqualTo(4);
    JsonNode job = submitter.api().get("/v1/jobs/" + j.get("id").asText()).json();
    assertThat(job.get("event_count").asInt()).isEqualTo(5);
    assertThat(job.get("progress").asDouble()).isEqualTo(50.0);
  }

  @Test
  void listReadsTheLogFromASeqWithNextFrom() {
    JsonNode j = running();
    append(j, "[{\"type\":\"log\",\"data\":\"a\"},{\"type\":\"log\",\"data\":\"b\"}]");
    String id = j.get("id").asText();
    Reply all = submitter.api().get("/v1/jobs/" + id + "/events");
    assertThat(all.status()).isEqualTo(200);
    JsonNode events = all.json().get("events");
    assertThat(events).hasSize(4);
    assertThat(events.get(0).get("seq").asLong()).isZero();
    assertThat(events.get(0).get("type").asText()).isEqualTo("status");
    assertThat(events.get(0).get("data").toString())
        .isEqualTo("{\"from\":null,\"to\":\"queued\",\"attempt\":0}");
    assertThat(events.get(1).get("data").get("to").asText()).isEqualTo("running");
    assertThat(events.get(2).get("data").asText()).isEqualTo("a");
    assertThat(events.get(2).get("at").asText()).endsWith("Z");
    assertThat(all.json().get("next_from").asLong()).isEqualTo(4);
    Reply page = submitter.api().get("/v1/jobs/" + id + "/events?from=1&limit=2");
    assertThat(page.json().get("events"))
        .extracting(e -> e.get("seq").asLong())
        .containsExactly(1L, 2L);
    assertThat(page.json().get("next_from").asLong()).isEqualTo(3);
    Reply end = submitter.api().get("/v1/jobs/" + id + "/events?from=10");
    assertThat(end.json().get("events")).isEmpty();
    assertThat(end.json().get("next_from").asLong()).isEqualTo(10);
  }

  @Test
  void listRejectsBadFromAndLimit() {
    String id = running().get("id").asText();
    assertThat(submitter.api().get("/v1/jobs/" + id + "/events?from=-1").status()).isEqualTo(400);
    assertThat(submitter.api().get("/v1/jobs/" + id + "/events?from=x").status()).isEqualTo(400);
    assertThat(submitter.api().get("/v1/jobs/" + id + "/events?limit=1001").status())
        .isEqualTo(400);
  }

  @Test
  void theLeaseHolderAndAdminMayReadTheLogButAnotherSubmitterMayNot() {
    JsonNode j = running();
    String id = j.get("id").asText();
    assertThat(worker.api().get("/v1/jobs/" + id + "/events").status()).isEqualTo(200);
    assertThat(server.admin.get("/v1/jobs/" + id + "/events").status()).isEqualTo(200);
    assertThat(other.api().get("/v1/jobs/" + id + "/events").status()).isEqualTo(404);
  }

  @Test
  void appendRefusesServerTypesAndBadShapes() {
    JsonNode j = running();
    Reply r =
        append(
            j,
            "[{\"type\":\"status\",\"data\":{}},{\"type\":\"Bad Type\"},{\"type\":\"log\",\"data\":5},{\"type\":\"progress\",\"data\":101}]");
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r))
        .contains("events[0].type", "events[1].type", "events[2].data", "events[3].data");
    Reply empty = append(j, "[]");
    assertThat(JobsApiTest.fields(empty)).containsExactly("events");
  }

  @Test
  void appendWithAStaleTokenIsLeaseLostAndWritesNothing() {
    JsonNode j = running();
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/events",
                "{\"lease_token\":\"lt_stale\",\"events\":[{\"type\":\"log\",\"data\":\"x\"}]}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("lease-lost");
    assertThat(
            submitter
                .api()
                .get("/v1/jobs/" + j.get("id").asText())
                .json()
                .get("event_count")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void anAdminAppendsWithoutALeaseTokenAndAWorkerMayNot() {
    JsonNode j = running();
    String path = "/v1/jobs/" + j.get("id").asText() + "/events";
    String body = "{\"events\":[{\"type\":\"note\",\"data\":{\"by\":\"ops\"}}]}";
    assertThat(server.admin.post(path, body).status()).isEqualTo(201);
    Reply r = worker.api().post(path, body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r)).containsExactly("lease_token");
  }

  @Test
  void theOwnerWithoutTheWorkerRoleCannotAppend() {
    JsonNode j = running();
    Reply r =
        submitter
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/events",
                "{\"lease_token\":\""
                    + j.get("lease_token").asText()
                    + "\",\"events\":[{\"type\":\"log\",\"data\":\"x\"}]}");
    assertThat(r.status()).isEqualTo(403);
  }

  private static JsonNode running() {
    String q = newQueue();
    submit(submitter.api(), q, "k");
    return claim(worker.api(), q);
  }

  private static Reply append(JsonNode j, String events) {
    return worker
        .api()
        .post(
            "/v1/jobs/" + j.get("id").asText() + "/events",
            "{\"lease_token\":\""
                + j.get("lease_token").asText()
                + "\",\"events\":"
                + events
                + "}");
  }
}
