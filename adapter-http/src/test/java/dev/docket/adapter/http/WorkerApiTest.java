package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static dev.docket.adapter.http.ApiServer.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkerApiTest {
  static ApiServer server;
  static ApiServer.User submitter;
  static ApiServer.User worker;
  static ApiServer.User worker2;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    submitter = server.user("submitter");
    worker = server.user("worker");
    worker2 = server.user("worker");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void claimHandsOutTheJobWithALeaseTokenAndMarksItRunning() {
    String q = newQueue();
    String id = submit(submitter.api(), q, "k").get("id").asText();
    Reply r =
        worker
            .api()
            .post("/v1/queues/" + q + "/claim", "{\"worker_id\":\"box-1\",\"lease_seconds\":30}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json().get("jobs").get(0);
    assertThat(j.get("id").asText()).isEqualTo(id);
    assertThat(j.get("status").asText()).isEqualTo("running");
    assertThat(j.get("attempt").asInt()).isEqualTo(1);
    assertThat(j.get("worker_id").asText()).isEqualTo("box-1");
    assertThat(j.get("lease_token").asText()).isNotBlank();
    assertThat(j.get("started_at").isNull()).isFalse();
    assertThat(j.has("artifacts")).isFalse();
    Instant expires = Instant.parse(j.get("lease_expires_at").asText());
    assertThat(expires).isBetween(Instant.now().plusSeconds(25), Instant.now().plusSeconds(31));
    // nobody else sees the lease token, not even the owner
    assertThat(submitter.api().get("/v1/jobs/" + id).json().has("lease_token")).isFalse();
  }

  @Test
  void claimOnAnEmptyQueueAnswersAnEmptyList() {
    Reply r = worker.api().post("/v1/queues/" + newQueue() + "/claim", "{\"worker_id\":\"w\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("jobs")).isEmpty();
  }

  @Test
  void claimOrdersByPreferredKindThenPriorityThenAge() {
    String q = newQueue();
    String low =
        submitter
            .api()
            .post("/v1/jobs", "{\"kind\":\"a\",\"queue\":\"" + q + "\"}")
            .json()
            .get("id")
            .asText();
    String high =
        submitter
            .api()
            .post("/v1/jobs", "{\"kind\":\"a\",\"queue\":\"" + q + "\",\"priority\":5}")
            .json()
            .get("id")
            .asText();
    String preferred =
        submitter
            .api()
            .post("/v1/jobs", "{\"kind\":\"gpu\",\"queue\":\"" + q + "\",\"priority\":-1}")
            .json()
            .get("id")
            .asText();
    Reply r =
        worker
            .api()
            .post(
                "/v1/queues/" + q + "/claim",
                "{\"worker_id\":\"w\",\"limit\":3,\"prefer_kind\":\"gpu\"}");
    assertThat(r.json().get("jobs"))
        .extracting(j -> j.get("id").asText())
        .containsExactly(preferred, high, low);
  }

  @Test
  void claimWithKindsTakesOnlyThoseKinds() {
    String q = newQueue();
    submit(submitter.api(), q, "a");
    String b = submit(submitter.api(), q, "b").get("id").asText();
    Reply r =
        worker
            .api()
            .post(
                "/v1/queues/" + q + "/claim",
                "{\"worker_id\":\"w\",\"limit\":10,\"kinds\":[\"b\"]}");
    assertThat(r.json().get("jobs")).extracting(j -> j.get("id").asText()).containsExactly(b);
  }

  @Test
  void claimSkipsJobsWhoseRunAtIsInTheFuture() {
    String q = newQueue();
    submitter
        .api()
        .post(
            "/v1/jobs",
            "{\"kind\":\"k\",\"queue\":\"" + q + "\",\"run_at\":\"2099-01-01T00:00:00Z\"}");
    assertThat(
            worker
                .api()
                .post("/v1/queues/" + q + "/claim", "{\"worker_id\":\"w\"}")
                .json()
                .get("jobs"))
        .isEmpty();
  }

  @Test
  void claimValidatesItsBody() {
    Reply r =
        worker
            .api()
            .post(
                "/v1/queues/" + newQueue() + "/claim",
                "{\"limit\":101,\"lease_seconds\":4,\"wait_seconds\":31}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r))
        .contains("worker_id", "limit", "lease_seconds", "wait_seconds");
    Reply badQueue = worker.api().post("/v1/queues/BAD/claim", "{\"worker_id\":\"w\"}");
    assertThat(badQueue.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(badQueue)).containsExactly("queue");
  }

  @Test
  void longPollingClaimWakesWithinASecondOfASubmit() throws Exception {
    String q = newQueue();
    long start = System.nanoTime();
    CompletableFuture<Reply> waiting =
        CompletableFuture.supplyAsync(
            () ->
                worker
                    .api()
                    .post(
                        "/v1/queues/" + q + "/claim", "{\"worker_id\":\"w\",\"wait_seconds\":20}"));
    Thread.sleep(500);
    assertThat(waiting).isNotDone();
    long submitted = System.nanoTime();
    String id = submit(submitter.api(), q, "k").get("id").asText();
    Reply r = waiting.get();
    long woke = System.nanoTime();
    assertThat(r.json().get("jobs")).extracting(j -> j.get("id").asText()).containsExactly(id);
    assertThat(Duration.ofNanos(woke - submitted)).isLessThan(Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(woke - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void longPollingClaimAnswersEmptyWhenTheWaitIsOver() {
    long start = System.nanoTime();
    Reply r =
        worker
            .api()
            .post(
                "/v1/queues/" + newQueue() + "/claim", "{\"worker_id\":\"w\",\"wait_seconds\":1}");
    assertThat(r.json().get("jobs")).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
  }

  @Test
  void heartbeatExtendsTheLeaseAndRecordsProgress() {
    JsonNode j = claim(worker.api(), queueWithJob());
    String id = j.get("id").asText();
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + id + "/heartbeat",
                "{\"lease_token\":\""
                    + j.get("lease_token").asText()
                    + "\",\"progress\":42.5,\"lease_seconds\":600}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().size()).isEqualTo(1);
    Instant expires = Instant.parse(r.json().get("lease_expires_at").asText());
    assertThat(expires).isAfter(Instant.now().plusSeconds(590));
    assertThat(submitter.api().get("/v1/jobs/" + id).json().get("progress").asDouble())
        .isEqualTo(42.5);
  }

  @Test
  void heartbeatWithAStaleTokenIsLeaseLost() {
    JsonNode j = claim(worker.api(), queueWithJob());
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/heartbeat",
                "{\"lease_token\":\"lt_not-the-token\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("type").asText()).endsWith("lease-lost");
  }

  @Test
  void aCancelledJobTellsItsWorkerCancelledOnEveryCall() {
    JsonNode j = claim(worker.api(), queueWithJob());
    String id = j.get("id").asText();
    String token = j.get("lease_token").asText();
    submitter.api().post("/v1/jobs/" + id + "/cancel", null);
    for (String call : new String[] {"heartbeat", "complete"}) {
      Reply r =
          worker.api().post("/v1/jobs/" + id + "/" + call, "{\"lease_token\":\"" + token + "\"}");
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.json().get("type").asText()).endsWith("cancelled");
    }
    Reply fail =
        worker
            .api()
            .post(
                "/v1/jobs/" + id + "/fail", "{\"lease_token\":\"" + token + "\",\"error\":\"x\"}");
    assertThat(fail.json().get("type").asText()).endsWith("cancelled");
    Reply events =
        worker
            .api()
            .post(
                "/v1/jobs/" + id + "/events",
                "{\"lease_token\":\""
                    + token
                    + "\",\"events\":[{\"type\":\"log\",\"data\":\"x\"}]}");
    assertThat(events.json().get("type").asText()).endsWith("cancelled");
  }

  @Test
  void completeStoresTheResultAndSucceeds() {
    JsonNode j = claim(worker.api(), queueWithJob());
    String id = j.get("id").asText();
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + id + "/complete",
                "{\"lease_token\":\""
                    + j.get("lease_token").asText()
                    + "\",\"result\":{\"ok\":true,\"n\":[1,2]}}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("succeeded");
    assertThat(r.json().get("result").toString()).isEqualTo("{\"ok\":true,\"n\":[1,2]}");
    assertThat(r.json().get("finished_at").isNull()).isFalse();
    assertThat(r.json().get("artifacts").isArray()).isTrue();
    assertThat(r.json().has("lease_token")).isFalse();
    // the outcome cannot be overwritten with the same token
    Reply again =
        worker
            .api()
            .post(
                "/v1/jobs/" + id + "/fail",
                "{\"lease_token\":\"" + j.get("lease_token").asText() + "\",\"error\":\"late\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(submitter.api().get("/v1/jobs/" + id).json().get("status").asText())
        .isEqualTo("succeeded");
  }

  @Test
  void aRetryableFailureRequeuesWithBackoffWhileAttemptsRemain() {
    JsonNode j = claim(worker.api(), queueWithJob());
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/fail",
                "{\"lease_token\":\"" + j.get("lease_token").asText() + "\",\"error\":\"flaky\"}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode job = r.json();
    assertThat(job.get("status").asText()).isEqualTo("queued");
    assertThat(job.get("error").asText()).isEqualTo("flaky");
    assertThat(Instant.parse(job.get("run_at").asText())).isAfter(Instant.now().plusMillis(500));
  }

  @Test
  void aNonRetryableFailureFailsTheJob() {
    JsonNode j = claim(worker.api(), queueWithJob());
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/fail",
                "{\"lease_token\":\""
                    + j.get("lease_token").asText()
                    + "\",\"error\":\"bad input\",\"retryable\":false}");
    assertThat(r.json().get("status").asText()).isEqualTo("failed");
    assertThat(r.json().get("finished_at").isNull()).isFalse();
  }

  @Test
  void failRequiresAnError() {
    JsonNode j = claim(worker.api(), queueWithJob());
    Reply r =
        worker
            .api()
            .post(
                "/v1/jobs/" + j.get("id").asText() + "/fail",
                "{\"lease_token\":\"" + j.get("lease_token").asText() + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(r)).containsExactly("error");
  }

  @Test
  void theWorkerHoldingTheLeaseMayReadTheJobAndAnotherWorkerMayNot() {
    JsonNode j = claim(worker.api(), queueWithJob());
    String id = j.get("id").asText();
    assertThat(worker.api().get("/v1/jobs/" + id).status()).isEqualTo(200);
    assertThat(worker2.api().get("/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(
            worker2
                .api()
                .post("/v1/jobs/" + id + "/complete", "{\"lease_token\":\"lt_guess\"}")
                .status())
        .isEqualTo(409);
  }

  @Test
  void workerCallsOnAnUnknownJobAre404() {
    String missing = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    Reply r = worker.api().post("/v1/jobs/" + missing + "/heartbeat", "{\"lease_token\":\"lt_x\"}");
    assertThat(r.status()).isEqualTo(404);
  }

  private static String queueWithJob() {
    String q = newQueue();
    submit(submitter.api(), q, "k");
    return q;
  }
}
