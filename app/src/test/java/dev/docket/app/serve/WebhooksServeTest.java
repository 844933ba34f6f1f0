package dev.docket.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.adapter.sqlite.SqliteStoreAdmin;
import dev.docket.app.UsageException;
import dev.docket.domain.Backoff;
import dev.docket.domain.Job;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.WebhookSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks through {@code serve} as it runs (in this JVM): a real receiver on 127.0.0.1 (allowed by
 * the operator's allow-list) that fails the first two attempts; retries visible through the API; a
 * restart in between that loses nothing; every body signed, each job's deliveries in order.
 */
class WebhooksServeTest {
  private static final String ADMIN_KEY = "dk_test-webhooks-admin-key-0123456789abcdef";
  private static final String SECRET = "whsec_test-secret";
  private static final Pattern LISTENING = Pattern.compile("Docket listening on (http://\\S+)");
  private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  /** Allow-listed loopback, the test secret, 1 s between attempts, looked for every 100 ms. */
  private static WebhookOptions options(Map<String, String> env) {
    return WebhookOptions.fromEnv(env::get)
        .withSettings(
            new WebhookSettings(
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0),
                Duration.ofHours(24),
                Duration.ofSeconds(30),
                10),
            Duration.ofMillis(100));
  }

  private static final Map<String, String> ENV =
      Map.of(WebhookOptions.ALLOW_HOSTS_ENV, "127.0.0.1", WebhookOptions.SECRET_ENV, SECRET);

  private record Running(Server server, String base, String out) {}

  private Running serve(Path db, WebhookOptions options) {
    StringWriter out = new StringWriter();
    Server server =
        Server.start(
            new SqliteStoreAdmin(db.toString()),
            "127.0.0.1",
            0,
            ADMIN_KEY,
            new PrintWriter(out, true),
            null,
            options);
    Matcher m = LISTENING.matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    return new Running(server, m.group(1), out.toString());
  }

  private static HttpResponse<String> call(String method, String url, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode deliveries(String base, String jobId) throws Exception {
    HttpResponse<String> r = call("GET", base + "/v1/jobs/" + jobId + "/webhooks", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("deliveries");
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static String hmac(String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static String status(WebhookReceiver.Received r) throws Exception {
    return JSON.readTree(r.body()).get("job").get("status").asText();
  }

  @Test
  void retriesAreVisibleAndARestartInBetweenLosesNothing() throws Exception {
    Path db = dir.resolve("docket.db");
    try (WebhookReceiver receiver = new WebhookReceiver(2)) {
      Running first = serve(db, options(ENV));
      String jobId;
      try {
        HttpResponse<String> submitted =
            call(
                "POST",
                first.base() + "/v1/jobs",
                "{\"kind\":\"build\",\"queue\":\"ci\",\"webhook_url\":\"" + receiver.url() + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        jobId = JSON.readTree(submitted.body()).get("id").asText();

        await("the first failed attempt", () -> !receiver.received.isEmpty());
        String base = first.base();
        await(
            "the failure recorded",
            () -> {
              try {
                return deliveries(base, jobId).get(0).get("attempts").asInt() >= 1;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
        JsonNode failing = deliveries(base, jobId).get(0);
        assertThat(failing.get("status").asText()).isEqualTo("pending");
        assertThat(failing.get("last_status_code").asInt()).isEqualTo(500);
        assertThat(failing.get("last_error").asText()).contains("500");
        assertThat(failing.get("next_attempt_at").isNull()).isFalse();
        await("the second failed attempt", () -> receiver.received.size() >= 2);
      } finally {
        first.server().stop();
      }

      // while no server runs, the job moves on: its deliveries wait in the outbox of the file
      try (SqliteStore store = SqliteStore.open(db)) {
        Docket docket = Docket.create(store);
        Actor admin = Actor.of(store.users().list(null, 10).items().get(0), "127.0.0.1");
        List<Job> claimed =
            docket.workers().claim(admin, new ClaimRequest("ci", "w1", 1, 60, null, null, 0));
        docket.workers().complete(admin, claimed.get(0).id(), claimed.get(0).leaseToken(), "{}");
      }
      assertThat(receiver.received).hasSize(2);

      Running second = serve(db, options(ENV));
      try {
        await("every delivery", () -> receiver.received.size() >= 5);
        Thread.sleep(300); // nothing more may come
        assertThat(receiver.received).hasSize(5);
        assertThat(receiver.received)
            .extracting(WebhooksServeTest::statusOf)
            .containsExactly("queued", "queued", "queued", "running", "succeeded");
        assertThat(receiver.received)
            .extracting(WebhookReceiver.Received::answeredWith)
            .containsExactly(500, 500, 204, 204, 204);
        for (WebhookReceiver.Received r : receiver.received) {
          assertThat(r.contentType()).startsWith("application/json");
          Matcher m = SIGNATURE.matcher(r.signature());
          assertThat(m.matches()).as(r.signature()).isTrue();
          assertThat(m.group(2)).isEqualTo(hmac(m.group(1) + "." + r.body()));
          assertThat(JSON.readTree(r.body()).get("job").get("id").asText()).isEqualTo(jobId);
        }
        JsonNode all = deliveries(second.base(), jobId);
        assertThat(all).hasSize(3);
        for (JsonNode d : all) {
          assertThat(d.get("status").asText()).isEqualTo("delivered");
          assertThat(d.get("last_status_code").asInt()).isEqualTo(204);
          assertThat(d.get("delivered_at").isNull()).isFalse();
        }
        assertThat(all.get(2).get("attempts").asInt()).isEqualTo(3);
        assertThat(all.get(1).get("attempts").asInt()).isEqualTo(1);
      } finally {
        second.server().stop();
      }
    }
  }

  private static String statusOf(WebhookReceiver.Received r) {
    try {
      return status(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withoutTheOverridePrivateDestinationsAreRefusedAtSubmit() throws Exception {
    Running running = serve(dir.resolve("strict.db"), WebhookOptions.DEFAULTS);
    try {
      for (String url : List.of("http://127.0.0.1/x", "http://10.0.0.1/", "ftp://example.com/")) {
        HttpResponse<String> r =
            call(
                "POST",
                running.base() + "/v1/jobs",
                "{\"kind\":\"k\",\"webhook_url\":\"" + url + "\"}");
        assertThat(r.statusCode()).as(url).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("errors").get(0).get("field").asText())
            .isEqualTo("webhook_url");
      }
    } finally {
      running.server().stop();
    }
  }

  @Test
  void withoutASecretOneIsGeneratedOnceKeptAndPrintedOnlyThen() throws Exception {
    Path db = dir.resolve("secret.db");
    Running first = serve(db, WebhookOptions.DEFAULTS);
    first.server().stop();
    Running second = serve(db, WebhookOptions.DEFAULTS);
    second.server().stop();

    Matcher m = Pattern.compile("webhook signing secret: (whsec_\\S+)").matcher(first.out());
    assertThat(m.find()).as(first.out()).isTrue();
    assertThat(second.out()).doesNotContain("webhook signing secret");
    try (SqliteStore store = SqliteStore.open(db)) {
      assertThat(store.webhooks().signingSecret("other")).isEqualTo(m.group(1));
    }
  }

  @Test
  void theEnvironmentNamesTheSecretAndWherePrivateDestinationsAreAllowed() {
    WebhookOptions o =
        WebhookOptions.fromEnv(
            Map.of(
                    WebhookOptions.SECRET_ENV, "s3cret",
                    WebhookOptions.ALLOW_PRIVATE_ENV, "true",
                    WebhookOptions.ALLOW_HOSTS_ENV, " hooks.internal , 10.1.2.3,")
                ::get);

    assertThat(o.secret()).isEqualTo("s3cret");
    assertThat(o.allowPrivate()).isTrue();
    assertThat(o.allowHosts()).containsExactlyInAnyOrder("hooks.internal", "10.1.2.3");
    assertThat(WebhookOptions.fromEnv(Map.<String, String>of()::get))
        .isEqualTo(WebhookOptions.DEFAULTS);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WebhookOptions.fromEnv(Map.of(WebhookOptions.ALLOW_PRIVATE_ENV, "maybe")::get))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(WebhookOptions.ALLOW_PRIVATE_ENV);
  }
}
