package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.claim;
import static dev.docket.adapter.http.ApiServer.newQueue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docket.domain.Backoff;
import dev.docket.domain.Ids;
import dev.docket.domain.WebhookDelivery;
import dev.docket.ports.WebhookTransport;
import dev.docket.ports.usecase.AddressPolicy;
import dev.docket.ports.usecase.WebhookSender;
import dev.docket.ports.usecase.WebhookSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/jobs/{id}/webhooks}, where submitted webhook URLs may point, and the job a webhook
 * carries: exactly the job {@code GET /v1/jobs/{id}} answers at that moment, minus artifacts.
 */
class WebhooksApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "https://hooks.example.test/docket";

  static ApiServer server;
  static ApiServer.User submitter;
  static ApiServer.User worker;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    submitter = server.user("submitter");
    worker = server.user("worker");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String submitHooked(String queue) {
    Reply r =
        submitter
            .api()
            .post(
                "/v1/jobs",
                "{\"kind\":\"build\",\"queue\":\""
                    + queue
                    + "\",\"payload\":{\"n\":[1,2.5,\"é\"]},\"metadata\":{\"team\":\"a\"},"
                    + "\"idempotency_key\":\"k-"
                    + queue
                    + "\",\"webhook_url\":\""
                    + HOOK
                    + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  /** The job inside the newest delivery's body, as a receiver would parse it. */
  private static JsonNode newestWebhookJob(String id) throws IOException {
    List<WebhookDelivery> all = server.store.webhooks().listByJob(UUID.fromString(id));
    JsonNode body = JSON.readTree(all.get(0).body());
    assertThat(body.get("event").asText()).isEqualTo("job.status");
    assertThat(body.size()).isEqualTo(2);
    return body.get("job");
  }

  private static JsonNode apiJobWithoutArtifacts(String id) {
    Reply r = submitter.api().get("/v1/jobs/" + id);
    assertThat(r.status()).isEqualTo(200);
    ObjectNode job = (ObjectNode) r.json();
    job.remove("artifacts");
    return job;
  }

  @Test
  void theWebhookJobIsTheApiJobWithoutArtifactsAfterEveryTransition() throws Exception {
    String queue = newQueue();
    String id = submitHooked(queue);
    assertThat(newestWebhookJob(id)).isEqualTo(apiJobWithoutArtifacts(id));

    JsonNode claimed = claim(worker.api(), queue);
    assertThat(newestWebhookJob(id)).isEqualTo(apiJobWithoutArtifacts(id));
    assertThat(newestWebhookJob(id).get("status").asText()).isEqualTo("running");

    String token = claimed.get("lease_token").asText();
    worker
        .api()
        .post(
            "/v1/jobs/" + id + "/heartbeat",
            "{\"lease_token\":\"" + token + "\",\"progress\":42.5}");
    Reply done =
        worker
            .api()
            .post(
                "/v1/jobs/" + id + "/complete",
                "{\"lease_token\":\"" + token + "\",\"result\":{\"ok\":true,\"x\":1.25}}");
    assertThat(done.status()).isEqualTo(200);
    JsonNode webhookJob = newestWebhookJob(id);
    assertThat(webhookJob).isEqualTo(apiJobWithoutArtifacts(id));
    assertThat(webhookJob.get("status").asText()).isEqualTo("succeeded");
    assertThat(webhookJob.get("result").get("x").asDouble()).isEqualTo(1.25);
    // same field names in the same order, so a receiver can reuse its job parser unchanged
    assertThat(List.copyOf(iterableNames(webhookJob)))
        .isEqualTo(List.copyOf(iterableNames(apiJobWithoutArtifacts(id))));
  }

  private static List<String> iterableNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void deliveriesAreListedNewestFirstWithTheirOutcome() throws Exception {
    String queue = newQueue();
    String id = submitHooked(queue);
    claim(worker.api(), queue);

    Reply before = submitter.api().get("/v1/jobs/" + id + "/webhooks");

    assertThat(before.status()).isEqualTo(200);
    JsonNode list = before.json().get("deliveries");
    assertThat(list).hasSize(2);
    JsonNode newest = list.get(0);
    assertThat(iterableNames(newest))
        .containsExactly(
            "id",
            "event",
            "status",
            "attempts",
            "last_status_code",
            "last_error",
            "next_attempt_at",
            "delivered_at");
    assertThat(newest.get("event").asText()).isEqualTo("job.status");
    assertThat(newest.get("status").asText()).isEqualTo("pending");
    assertThat(newest.get("attempts").asInt()).isZero();
    assertThat(newest.get("last_status_code").isNull()).isTrue();
    assertThat(newest.get("next_attempt_at").asText()).matches("\\d{4}-.*T.*\\.\\d{3}Z");
    assertThat(newest.get("delivered_at").isNull()).isTrue();

    // the first delivery is answered 500, then 204; the second 204 at once
    send(id, 500, 204, 204);

    JsonNode after = submitter.api().get("/v1/jobs/" + id + "/webhooks").json().get("deliveries");
    JsonNode creation = after.get(1);
    assertThat(creation.get("status").asText()).isEqualTo("delivered");
    assertThat(creation.get("attempts").asInt()).isEqualTo(2);
    assertThat(creation.get("last_status_code").asInt()).isEqualTo(204);
    assertThat(creation.get("last_error").isNull()).isTrue();
    assertThat(creation.get("next_attempt_at").isNull()).isTrue();
    assertThat(creation.get("delivered_at").asText()).endsWith("Z");
    assertThat(after.get(0).get("status").asText()).isEqualTo("delivered");
  }

  @Test
  void aFailedAttemptShowsItsStatusCodeErrorAndNextAttempt() {
    String id = submitHooked(newQueue());

    new WebhookSender(
            server.store.webhooks(),
            (url, body, headers) -> {
              if (body.contains(id)) {
                return 502;
              }
              return 200;
            },
            new AddressPolicy(true, Set.of(), InetAddress::getAllByName),
            "secret",
            new WebhookSettings(
                new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), 0),
                Duration.ofHours(24),
                Duration.ofMinutes(1),
                100),
            Clock.systemUTC())
        .deliverDue();

    JsonNode d =
        submitter.api().get("/v1/jobs/" + id + "/webhooks").json().get("deliveries").get(0);
    assertThat(d.get("status").asText()).isEqualTo("pending");
    assertThat(d.get("attempts").asInt()).isEqualTo(1);
    assertThat(d.get("last_status_code").asInt()).isEqualTo(502);
    assertThat(d.get("last_error").asText()).contains("502");
    assertThat(d.get("next_attempt_at").isNull()).isFalse();
  }

  @Test
  void aJobWithoutAWebhookHasNoDeliveriesAndAnUnknownJobIsNotFound() {
    String id = ApiServer.submit(submitter.api(), newQueue(), "k").get("id").asText();

    Reply none = submitter.api().get("/v1/jobs/" + id + "/webhooks");
    Reply unknown = server.admin.get("/v1/jobs/" + Ids.newId() + "/webhooks");

    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("deliveries")).isEmpty();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void submitRefusesLoopbackAndPrivateDestinationsNamingWebhookUrl() {
    for (String url : List.of("http://127.0.0.1/x", "http://10.0.0.1/", "http://[::1]:8080/")) {
      Reply r =
          submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"webhook_url\":\"" + url + "\"}");
      assertThat(r.status()).as(url).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(JobsApiTest.fields(r)).as(url).containsExactly("webhook_url");
    }
  }

  @Test
  void aBatchNamesTheIndexOfAPrivateWebhookAndOtherSchemesAreRefused() {
    Reply batch =
        submitter
            .api()
            .post(
                "/v1/jobs/batch",
                "{\"jobs\":[{\"kind\":\"k\"},{\"kind\":\"k\",\"webhook_url\":\"http://192.168.1.1/\"}]}");
    Reply ftp =
        submitter.api().post("/v1/jobs", "{\"kind\":\"k\",\"webhook_url\":\"ftp://example.com/\"}");

    assertThat(batch.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(batch)).containsExactly("jobs[1].webhook_url");
    assertThat(ftp.status()).isEqualTo(400);
    assertThat(JobsApiTest.fields(ftp)).containsExactly("webhook_url");
  }

  /**
   * Runs one sender pass whose transport answers {@code codes} in order (then 200) to the
   * deliveries of job {@code id}, and 200 to other tests' jobs.
   */
  private static void send(String id, int... codes) {
    Deque<Integer> answers = new ArrayDeque<>();
    for (int c : codes) {
      answers.add(c);
    }
    WebhookTransport transport =
        (url, body, headers) -> {
          synchronized (answers) {
            return answers.isEmpty() || !body.contains(id) ? 200 : answers.removeFirst();
          }
        };
    new WebhookSender(
            server.store.webhooks(),
            transport,
            new AddressPolicy(true, Set.of(), InetAddress::getAllByName),
            "secret",
            new WebhookSettings(
                new Backoff(Duration.ZERO, Duration.ZERO, 0),
                Duration.ofHours(24),
                Duration.ofMinutes(1),
                1),
            Clock.systemUTC())
        .deliverDue();
  }
}
