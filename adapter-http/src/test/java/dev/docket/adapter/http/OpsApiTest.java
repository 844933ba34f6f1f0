package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpsApiTest {
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
  void statsCountEveryStatusOfTheSubmittersOwnJobs() {
    ApiServer.User s = server.user("submitter");
    ApiServer.User w = server.user("worker");
    String q = newQueue();
    submit(s.api(), q, "k");
    String cancelled = submit(s.api(), newQueue(), "k").get("id").asText();
    s.api().post("/v1/jobs/" + cancelled + "/cancel", null);
    submit(server.user("submitter").api(), q, "not mine");

    JsonNode stats = s.api().get("/v1/stats").json();
    assertThat(stats.get("by_status").toString())
        .isEqualTo("{\"queued\":1,\"running\":0,\"succeeded\":0,\"failed\":0,\"cancelled\":1}");
    assertThat(stats.get("by_queue").get(q).get("queued").asLong()).isEqualTo(1);
    assertThat(stats.get("by_queue").get(q).get("succeeded").asLong()).isZero();
    assertThat(stats.get("success_rate").isNull()).isTrue();
    assertThat(stats.get("avg_duration_seconds").isNull()).isTrue();
    assertThat(stats.get("p95_duration_seconds").isNull()).isTrue();

    JsonNode j = claim(w.api(), q);
    w.api()
        .post(
            "/v1/jobs/" + j.get("id").asText() + "/complete",
            "{\"lease_token\":\"" + j.get("lease_token").asText() + "\"}");
    JsonNode after = s.api().get("/v1/stats?queue=" + q).json();
    assertThat(after.get("by_status").get("succeeded").asLong()).isEqualTo(1);
    assertThat(after.get("by_status").get("cancelled").asLong()).isZero();
    assertThat(after.get("success_rate").asDouble()).isEqualTo(1.0);
    assertThat(after.get("avg_duration_seconds").isNumber()).isTrue();
    assertThat(
            s.api()
                .get("/v1/stats?since=2099-01-01T00:00:00Z")
                .json()
                .get("by_status")
                .get("queued")
                .asLong())
        .isZero();
    assertThat(s.api().get("/v1/stats?since=soon").status()).isEqualTo(400);
  }

  @Test
  void auditListsMutationsAndFailedAuthenticationNewestFirst() {
    ApiServer.User u = server.user("submitter");
    server.admin.as("dk_wrong-key-for-audit").get("/v1/me");
    Reply all = server.admin.get("/v1/audit?limit=1000");
    assertThat(all.status()).isEqualTo(200);
    JsonNode entries = all.json().get("entries");
    JsonNode created = null;
    for (JsonNode e : entries) {
      if ("user.create".equals(e.get("action").asText())
          && u.id().equals(e.get("resource_id").asText())) {
        created = e;
      }
    }
    assertThat(created).isNotNull();
    assertThat(created.fieldNames())
        .toIterable()
        .containsExactly(
            "id", "at", "actor_id", "action", "resource", "resource_id", "details", "remote_addr");
    assertThat(created.get("details").isObject()).isTrue();
    assertThat(created.get("remote_addr").asText()).isNotBlank();
    JsonNode failed = server.admin.get("/v1/audit?action=auth.failed").json().get("entries");
    assertThat(failed).isNotEmpty();
    assertThat(failed.get(0).get("actor_id").isNull()).isTrue();
    assertThat(failed.get(0).get("details").get("key_prefix").asText()).isEqualTo("dk_wrong-key");
    assertThat(entries.get(0).get("id").asText())
        .isGreaterThan(entries.get(entries.size() - 1).get("id").asText());
  }

  @Test
  void auditPagesWithACursorAndFiltersByActor() {
    server.user("worker");
    server.user("worker");
    Reply p1 = server.admin.get("/v1/audit?action=user.create&limit=1");
    assertThat(p1.json().get("entries")).hasSize(1);
    Reply p2 =
        server.admin.get(
            "/v1/audit?action=user.create&limit=1&cursor=" + p1.json().get("next_cursor").asText());
    assertThat(p2.json().get("entries").get(0).get("id").asText())
        .isLessThan(p1.json().get("entries").get(0).get("id").asText());
    String adminId = server.admin.get("/v1/me").json().get("id").asText();
    JsonNode byAdmin =
        server.admin.get("/v1/audit?actor_id=" + adminId + "&resource=user").json().get("entries");
    assertThat(byAdmin)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("actor_id").asText()).isEqualTo(adminId));
    assertThat(server.admin.get("/v1/audit?cursor=nope").status()).isEqualTo(400);
  }

  @Test
  void pruneDeletesTerminalJobsOlderThanTheCutoff() {
    try (ApiServer own = ApiServer.start()) {
      ApiServer.User s = own.user("submitter");
      String done = submit(s.api(), newQueue(), "k").get("id").asText();
      s.api().post("/v1/jobs/" + done + "/cancel", null);
      String live = submit(s.api(), newQueue(), "k").get("id").asText();
      Reply keep = own.admin.post("/v1/admin/prune", "{\"older_than\":\"30d\"}");
      assertThat(keep.status()).isEqualTo(200);
      assertThat(keep.json().toString()).isEqualTo("{\"jobs\":0,\"events\":0,\"artifacts\":0}");
      Reply r = own.admin.post("/v1/admin/prune", "{\"older_than\":0}");
      assertThat(r.json().get("jobs").asLong()).isEqualTo(1);
      assertThat(r.json().get("events").asLong()).isEqualTo(2);
      assertThat(s.api().get("/v1/jobs/" + done).status()).isEqualTo(404);
      assertThat(s.api().get("/v1/jobs/" + live).status()).isEqualTo(200);
      assertThat(own.admin.get("/v1/audit?action=admin.prune").json().get("entries")).hasSize(2);
    }
  }

  @Test
  void pruneValidatesOlderThan() {
    assertThat(
            JobsApiTest.fields(server.admin.post("/v1/admin/prune", "{\"older_than\":\"soon\"}")))
        .containsExactly("older_than");
    assertThat(JobsApiTest.fields(server.admin.post("/v1/admin/prune", "{}")))
        .containsExactly("older_than");
    assertThat(JobsApiTest.fields(server.admin.post("/v1/admin/prune", "{\"older_than\":-5}")))
        .containsExactly("older_than");
  }

  @Test
  void healthAndReadinessNeedNoKey() {
    Reply h = server.anonymous().get("/healthz");
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.json().get("status").asText()).isEqualTo("ok");
    Reply r = server.anonymous().get("/readyz");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ready");
  }

  @Test
  void readinessIs503WhenTheStoreIsGone() {
    ApiServer own = ApiServer.start();
    try {
      own.store.close();
      Reply r = own.anonymous().get("/readyz");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(own.anonymous().get("/healthz").status()).isEqualTo(200);
    } finally {
      own.app.stop();
    }
  }

  @Test
  void metricsExposeJobCountersQueueDepthAndRequestTimes() {
    ApiServer.User s = server.user("submitter");
    ApiServer.User w = server.user("worker");
    String q = newQueue();
    submit(s.api(), q, "k");
    submit(s.api(), q, "k");
    JsonNode j = claim(w.api(), q);
    w.api()
        .post(
            "/v1/jobs/" + j.get("id").asText() + "/complete",
            "{\"lease_token\":\"" + j.get("lease_token").asText() + "\"}");
    s.api().get("/v1/jobs/" + j.get("id").asText());
    Reply r = server.anonymous().get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    String text = r.body();
    assertThat(text).contains("docket_jobs_submitted_total{queue=\"" + q + "\"} 2.0");
    assertThat(text).contains("docket_jobs_claimed_total{queue=\"" + q + "\"} 1.0");
    assertThat(text)
        .contains("docket_jobs_finished_total{outcome=\"succeeded\",queue=\"" + q + "\"} 1.0");
    assertThat(text).contains("docket_queue_depth{queue=\"" + q + "\",status=\"queued\"} 1.0");
    assertThat(text).contains("docket_queue_depth{queue=\"" + q + "\",status=\"succeeded\"} 1.0");
    assertThat(text)
        .containsPattern(
            "http_server_requests_seconds_count\\{method=\"GET\",route=\"/v1/jobs/\\{id}\",status=\"200\"} \\d");
  }

  @Test
  void metricsMayRequireAKey() {
    try (ApiServer own = ApiServer.start(c -> c.withMetricsAuth(true))) {
      Reply r = own.anonymous().get("/metrics");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(own.admin.get("/metrics").status()).isEqualTo(200);
    }
  }

  @Test
  void openApiIsServedWithoutAKey() {
    Reply r = server.anonymous().get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("openapi").asText()).startsWith("3.1");
  }
}
