package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobsApiTest {
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
  void submitAnswers201WithLocationAndEveryFieldOfTheJob() {
    String q = newQueue();
    Reply r =
        submitter
            .api()
            .post(
                "/v1/jobs",
                """
            {"kind":"build","queue":"%s","payload":{"b":[1,2.50,"x"],"a":null},"metadata":{"team":"ci"},
             "priority":7,"max_attempts":5,"webhook_url":"https://example.com/hook"}
            """
                    .formatted(q));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode j = r.json();
    assertThat(r.header("Location")).isEqualTo("/v1/jobs/" + j.get("id").asText());
    assertThat(j.get("owner_id").asText()).isEqualTo(submitter.id());
    assertThat(j.get("queue").asText()).isEqualTo(q);
    assertThat(j.get("kind").asText()).isEqualTo("build");
    assertThat(j.get("status").asText()).isEqualTo("queued");
    assertThat(j.get("payload").toString()).isEqualTo("{\"b\":[1,2.5,\"x\"],\"a\":null}");
    assertThat(j.get("metadata").get("team").asText()).isEqualTo("ci");
    assertThat(j.get("result").isNull()).isTrue();
    assertThat(j.get("error").isNull()).isTrue();
    assertThat(j.get("priority").asInt()).isEqualTo(7);
    assertThat(j.get("attempt").asInt()).isZero();
    assertThat(j.get("max_attempts").asInt()).isEqualTo(5);
    assertThat(j.get("run_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(j.get("created_at").asText()).isEqualTo(j.get("updated_at").asText());
    assertThat(j.get("started_at").isNull()).isTrue();
    assertThat(j.get("finished_at").isNull()).isTrue();
    assertThat(j.get("progress").asDouble()).isZero();
    assertThat(j.get("worker_id").isNull()).isTrue();
    assertThat(j.get("lease_expires_at").isNull()).isTrue();
    assertThat(j.get("idempotency_key").isNull()).isTrue();
    assertThat(j.get("webhook_url").asText()).isEqualTo("https://example.com/hook");
    assertThat(j.get("event_count").asInt()).isEqualTo(1);
    assertThat(j.get("artifacts").isArray()).isTrue();
    assertThat(j.has("leased_by")).isFalse();
    assertThat(j.has("version")).isFalse();
    assertThat(j.has("request_hash")).isFalse();
    assertThat(j.has("lease_token")).isFalse();
  }

  @Test
  void submitFillsTheContractDefaults() {
    JsonNode j = submitter.api().post("/v1/jobs", "{\"kind\":\"k\"}").json();
    assertThat(j.get("queue").asText()).isEqualTo("default");
    assertThat(j.get("payload").toString()).isEqualTo("{}");
    assertThat(j.get("metadata").toString()).isEqualTo("{}");
    assertThat(j.get("priority").asInt()).isZero();
    assertThat(j.get("max_attempts").asInt()).isEqualTo(3);
  }

  @Test
  void submitKeepsAFutureRunAtToTheMillisecond() {
    Reply r =
        submitter
            .api()
            .post("/v1/jobs", "{\"kind\":\"k\",\"run_at\":\"2099-01-02T03:04:05+01:00\"}");
    assertThat(r.json().get("run_at").asText()).isEqualTo("2099-01-02T02:04:05.000Z");
  }

  @Test
  void sameIdempotencyKeyReplaysTheFirstJobWith200() {
    String body = "{\"kind\":\"k\",\"queue\":\"" + newQueue() + "\",\"payload\":{\"a\":1,\"b\":2}}";
    Reply first =
        submitter
            .api()
            .send(
                submitter
                    .api()
                    .request("/v1/jobs")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "run-42")
                    .POST(BodyPublishers.ofString(body)));
    Reply again =
        submitter
            .api()
            .send(
                submitter
                    .api()
                    .request("/v1/jobs")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "run-42")
                    .POST(BodyPublishers.ofString(body)));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Location")).isNull();
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(first.json().get("idempotency_key").asText()).isEqualTo("run-42");
  }

  @Test
  void idempotencyKeyInTheBodyWorksLikeTheHeader() {
    String body = "{\"kind\":\"k\",\"idempotency_key\":\"body-key-1\"}";
    Reply first = submitter.api().post("/v1/jobs", body);
    Reply again = submitter.api().post("/v1/jobs", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
  }

  @Test
  void sameIdempotencyKeyWithADifferentBodyIs409() {
    submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"idempotency_key\":\"clash-1\"}");
    Reply r =
        submitter.api().post("/v1/jobs", "{\"kind\":\"other\",\"idempotency_key\":\"clash-1\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("/conflict");
  }

  @Test
  void theSameIdempotencyKeyOfAnotherOwnerIsAnotherJob() {
    String body = "{\"kind\":\"k\",\"idempotency_key\":\"shared-1\"}";
    Reply mine = submitter.api().post("/v1/jobs", body);
    Reply theirs = other.api().post("/v1/jobs", body);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
  }

  @Test
  void invalidSubmitNamesEachField() {
    Reply r =
        submitter
            .api()
            .post(
                "/v1/jobs",
                "{\"queue\":\"Bad Queue\",\"max_attempts\":0,\"webhook_url\":\"ftp://x\",\"metadata\":[1]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asText()).endsWith("/validation");
    assertThat(fields(r)).contains("kind", "queue", "max_attempts", "webhook_url", "metadata");
  }

  @Test
  void kindLongerThan200CharactersIsRejected() {
    Reply r = submitter.api().post("/v1/jobs", "{\"kind\":\"" + "k".repeat(201) + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).containsExactly("kind");
  }

  @Test
  void batchCreatesEveryJobWith201() {
    String q = newQueue();
    Reply r =
        submitter
            .api()
            .post(
                "/v1/jobs/batch",
                "{\"jobs\":[{\"kind\":\"a\",\"queue\":\""
                    + q
                    + "\"},{\"kind\":\"b\",\"queue\":\""
                    + q
                    + "\"}]}");
    assertThat(r.status()).isEqualTo(201);
    JsonNode jobs = r.json().get("jobs");
    assertThat(jobs).hasSize(2);
    assertThat(jobs.get(0).get("kind").asText()).isEqualTo("a");
    assertThat(jobs.get(1).get("kind").asText()).isEqualTo("b");
    assertThat(jobs.get(0).has("artifacts")).isFalse();
    assertThat(submitter.api().get("/v1/jobs?queue=" + q).json().get("jobs")).hasSize(2);
  }

  @Test
  void batchWithOneInvalidJobRejectsAllNamingItsIndex() {
    String q = newQueue();
    Reply r =
        submitter
            .api()
            .post(
                "/v1/jobs/batch",
                "{\"jobs\":[{\"kind\":\"a\",\"queue\":\"" + q + "\"},{\"queue\":\"" + q + "\"}]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).containsExactly("jobs[1].kind");
    assertThat(submitter.api().get("/v1/jobs?queue=" + q).json().get("jobs")).isEmpty();
  }

  @Test
  void batchWithAnUnknownFieldNamesItsPath() {
    Reply r =
        submitter
            .api()
            .post("/v1/jobs/batch", "{\"jobs\":[{\"kind\":\"a\"},{\"kind\":\"b\",\"kidn\":1}]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).containsExactly("jobs[1].kidn");
  }

  @Test
  void batchOfMoreThan1000JobsIsRejected() {
    String one = "{\"kind\":\"a\"}";
    String body = "{\"jobs\":[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]}";
    Reply r = submitter.api().post("/v1/jobs/batch", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).containsExactly("jobs");
  }

  @Test
  void listPagesNewestFirstWithACursorAbsentOnTheLastPage() {
    String q = newQueue();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(submit(submitter.api(), q, "k").get("id").asText());
    }
    Reply p1 = submitter.api().get("/v1/jobs?queue=" + q + "&limit=2");
    assertThat(ids(p1)).containsExactly(ids.get(4), ids.get(3));
    assertThat(p1.json().get("jobs").get(0).has("artifacts")).isFalse();
    String c1 = p1.json().get("next_cursor").asText();
    Reply p2 = submitter.api().get("/v1/jobs?queue=" + q + "&limit=2&cursor=" + c1);
    assertThat(ids(p2)).containsExactly(ids.get(2), ids.get(1));
    Reply p3 =
        submitter
            .api()
            .get(
                "/v1/jobs?queue=" + q + "&limit=2&cursor=" + p2.json().get("next_cursor").asText());
    assertThat(ids(p3)).containsExactly(ids.get(0));
    assertThat(p3.json().has("next_cursor")).isFalse();
  }

  @Test
  void listFiltersByStatusRepeatedOrCommaSeparated() {
    String q = newQueue();
    submit(submitter.api(), q, "k");
    String cancelled = submit(submitter.api(), q, "k").get("id").asText();
    submitter.api().post("/v1/jobs/" + cancelled + "/cancel", null);
    String queued = submit(submitter.api(), q, "k").get("id").asText();
    claim(worker.api(), q); // takes the oldest: the first job is running now
    assertThat(ids(submitter.api().get("/v1/jobs?queue=" + q + "&status=cancelled")))
        .containsExactly(cancelled);
    assertThat(ids(submitter.api().get("/v1/jobs?queue=" + q + "&status=cancelled&status=queued")))
        .containsExactly(queued, cancelled);
    assertThat(ids(submitter.api().get("/v1/jobs?queue=" + q + "&status=queued,cancelled")))
        .containsExactly(queued, cancelled);
    assertThat(submitter.api().get("/v1/jobs?status=nope").status()).isEqualTo(400);
  }

  @Test
  void listFiltersByKindAndTime() throws InterruptedException {
    String q = newQueue();
    submit(submitter.api(), q, "alpha");
    JsonNode beta = submit(submitter.api(), q, "beta");
    assertThat(ids(submitter.api().get("/v1/jobs?queue=" + q + "&kind=beta")))
        .containsExactly(beta.get("id").asText());
    String since = beta.get("created_at").asText();
    assertThat(ids(submitter.api().get("/v1/jobs?queue=" + q + "&since=" + since)))
        .contains(beta.get("id").asText());
    assertThat(ids(submitter.api().get("/v1/jobs?queue=" + q + "&until=" + since)))
        .doesNotContain(beta.get("id").asText());
    assertThat(submitter.api().get("/v1/jobs?since=yesterday").status()).isEqualTo(400);
  }

  @Test
  void aSubmitterListsOnlyItsOwnJobsAndMayNotAskForAnothersOwner() {
    String q = newQueue();
    submit(submitter.api(), q, "k");
    submit(other.api(), q, "k");
    assertThat(submitter.api().get("/v1/jobs?queue=" + q).json().get("jobs")).hasSize(1);
    assertThat(submitter.api().get("/v1/jobs?owner_id=" + other.id()).status()).isEqualTo(403);
    assertThat(submitter.api().get("/v1/jobs?owner_id=" + submitter.id()).status()).isEqualTo(200);
    assertThat(server.admin.get("/v1/jobs?queue=" + q).json().get("jobs")).hasSize(2);
    assertThat(
            server.admin.get("/v1/jobs?queue=" + q + "&owner_id=" + other.id()).json().get("jobs"))
        .hasSize(1);
  }

  @Test
  void listLimitOutsideItsRangeIsRejected() {
    assertThat(submitter.api().get("/v1/jobs?limit=0").status()).isEqualTo(400);
    assertThat(submitter.api().get("/v1/jobs?limit=1001").status()).isEqualTo(400);
    assertThat(submitter.api().get("/v1/jobs?limit=1000").status()).isEqualTo(200);
  }

  @Test
  void getShowsTheJobToItsOwnerAndAdminButNotToOthers() {
    String id = submit(submitter.api(), newQueue(), "k").get("id").asText();
    assertThat(submitter.api().get("/v1/jobs/" + id).json().get("id").asText()).isEqualTo(id);
    assertThat(server.admin.get("/v1/jobs/" + id).status()).isEqualTo(200);
    Reply r = other.api().get("/v1/jobs/" + id);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("type").asText()).endsWith("/not-found");
  }

  @Test
  void cancelMovesAQueuedJobToCancelledAndATerminalOneIs409() {
    String id = submit(submitter.api(), newQueue(), "k").get("id").asText();
    Reply r = submitter.api().post("/v1/jobs/" + id + "/cancel", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(r.json().get("finished_at").isNull()).isFalse();
    assertThat(r.json().get("artifacts").isArray()).isTrue();
    Reply again = submitter.api().post("/v1/jobs/" + id + "/cancel", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
  }

  @Test
  void retryQueuesAFailedJobAgainWithAttemptZero() {
    String q = newQueue();
    String id =
        submitter
            .api()
            .post("/v1/jobs", "{\"kind\":\"k\",\"queue\":\"" + q + "\",\"max_attempts\":1}")
            .json()
            .get("id")
            .asText();
    JsonNode claimed = claim(worker.api(), q);
    worker
        .api()
        .post(
            "/v1/jobs/" + id + "/fail",
            "{\"lease_token\":\"" + claimed.get("lease_token").asText() + "\",\"error\":\"boom\"}");
    assertThat(submitter.api().get("/v1/jobs/" + id).json().get("status").asText())
        .isEqualTo("failed");
    Reply r = submitter.api().post("/v1/jobs/" + id + "/retry", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("queued");
    assertThat(r.json().get("attempt").asInt()).isZero();
    assertThat(submitter.api().post("/v1/jobs/" + id + "/retry", null).status()).isEqualTo(409);
  }

  @Test
  void deleteRemovesATerminalJobAndRefusesALiveOne() {
    String id = submit(submitter.api(), newQueue(), "k").get("id").asText();
    Reply live = submitter.api().delete("/v1/jobs/" + id);
    assertThat(live.status()).isEqualTo(409);
    submitter.api().post("/v1/jobs/" + id + "/cancel", null);
    Reply r = submitter.api().delete("/v1/jobs/" + id);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(submitter.api().get("/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(submitter.api().delete("/v1/jobs/" + id).status()).isEqualTo(404);
  }

  @Test
  void anotherSubmitterCannotCancelRetryOrDeleteMyJob() {
    String id = submit(submitter.api(), newQueue(), "k").get("id").asText();
    assertThat(other.api().post("/v1/jobs/" + id + "/cancel", null).status()).isEqualTo(404);
    assertThat(other.api().post("/v1/jobs/" + id + "/retry", null).status()).isEqualTo(404);
    assertThat(other.api().delete("/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(submitter.api().get("/v1/jobs/" + id).json().get("status").asText())
        .isEqualTo("queued");
  }

  static List<String> fields(Reply r) {
    List<String> out = new ArrayList<>();
    r.json().get("errors").forEach(e -> out.add(e.get("field").asText()));
    return out;
  }

  static List<String> ids(Reply r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("jobs").forEach(j -> out.add(j.get("id").asText()));
    return out;
  }
}
