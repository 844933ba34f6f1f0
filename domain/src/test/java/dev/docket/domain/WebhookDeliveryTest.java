package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox entries the state machine owes a job with a webhook URL, and their bookkeeping. */
class WebhookDeliveryTest {
  static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456789Z");
  static final UUID JOB_ID = UUID.fromString("01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b");
  static final UUID OWNER = UUID.fromString("01941a2b-0000-7000-8000-000000000001");
  static final String URL = "https://hooks.example.test/docket?x=1";

  static JobSpec spec(String webhookUrl) {
    return new JobSpec(
        "build", "ci", "{\"a\": [1, 2]}", "{\"m\":\"v\"}", 3, null, 2, "key-1", webhookUrl);
  }

  @Test
  void creationOfAJobWithAWebhookOwesOnePendingDeliveryForItsFirstStatusEvent() {
    Transition t = Job.create(JOB_ID, OWNER, spec(URL), T0);

    assertThat(t.deliveries()).hasSize(1);
    WebhookDelivery d = t.deliveries().get(0);
    assertThat(d.jobId()).isEqualTo(JOB_ID);
    assertThat(d.seq()).isEqualTo(t.events().get(0).seq()).isZero();
    assertThat(d.url()).isEqualTo(URL);
    assertThat(d.event()).isEqualTo("job.status");
    assertThat(d.status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(d.attempts()).isZero();
    assertThat(d.nextAttemptAt()).isEqualTo(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(d.body()).isEqualTo(WebhookPayload.jobStatus(t.job()));
  }

  @Test
  void everyStatusChangeOwesADeliveryKeyedByItsStatusEventAndOtherChangesOweNone() {
    Job queued = Job.create(JOB_ID, OWNER, spec(URL), T0).job();
    Transition claim = queued.claim(OWNER, "w", "lt_1", T0.plusSeconds(1), Duration.ofMinutes(1));
    Transition beat = claim.job().heartbeat("lt_1", T0.plusSeconds(2), 40.0, null);
    Transition fail = beat.job().fail("lt_1", T0.plusSeconds(3), "boom", true, Duration.ZERO);

    assertThat(claim.deliveries()).singleElement().satisfies(d -> assertThat(d.seq()).isEqualTo(1));
    assertThat(beat.deliveries()).isEmpty();
    assertThat(fail.deliveries())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.seq()).isEqualTo(fail.events().get(0).seq()).isEqualTo(3);
              assertThat(d.body()).contains("\"status\":\"queued\"", "\"error\":\"boom\"");
            });
  }

  @Test
  void aJobWithoutAWebhookOwesNothing() {
    Job queued = Job.create(JOB_ID, OWNER, spec(null), T0).job();

    assertThat(Job.create(JOB_ID, OWNER, spec(null), T0).deliveries()).isEmpty();
    assertThat(queued.cancel(T0.plusSeconds(1)).deliveries()).isEmpty();
  }

  @Test
  void theBodyIsTheJobAsTheApiWritesItWithRawDocumentsAndMillisecondTimes() {
    Job running =
        Job.create(JOB_ID, OWNER, spec(URL), T0)
            .job()
            .claim(OWNER, "w\"1", "lt_1", T0.plusSeconds(1), Duration.ofMinutes(1))
            .job();

    assertThat(WebhookPayload.jobStatus(running))
        .isEqualTo(
            "{\"event\":\"job.status\",\"job\":{"
                + "\"id\":\"01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b\","
                + "\"owner_id\":\"01941a2b-0000-7000-8000-000000000001\","
                + "\"queue\":\"ci\",\"kind\":\"build\",\"status\":\"running\","
                + "\"payload\":{\"a\": [1, 2]},\"metadata\":{\"m\":\"v\"},"
                + "\"result\":null,\"error\":null,\"priority\":3,\"attempt\":1,"
                + "\"max_attempts\":2,\"run_at\":\"2025-01-02T03:04:05.123Z\","
                + "\"created_at\":\"2025-01-02T03:04:05.123Z\","
                + "\"updated_at\":\"2025-01-02T03:04:06.123Z\","
                + "\"started_at\":\"2025-01-02T03:04:06.123Z\",\"finished_at\":null,"
                + "\"progress\":0.0,\"worker_id\":\"w\\\"1\","
                + "\"lease_expires_at\":\"2025-01-02T03:05:06.123Z\","
                + "\"idempotency_key\":\"key-1\","
                + "\"webhook_url\":\"https://hooks.example.test/docket?x=1\","
                + "\"event_count\":2}}");
  }

  @Test
  void aSuccessfulAttemptIsCountedAndMarksItDelivered() {
    WebhookDelivery d = pending().delivered(204, T0.plusSeconds(5));

    assertThat(d.status()).isEqualTo(WebhookStatus.DELIVERED);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatusCode()).isEqualTo(204);
    assertThat(d.lastError()).isNull();
    assertThat(d.deliveredAt())
        .isEqualTo(T0.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void aFailedAttemptStaysPendingUntilTheRetryTimeOrIsGivenUp() {
    Instant retryAt = T0.plusSeconds(60);
    WebhookDelivery again = pending().attemptFailed(500, "HTTP 500", retryAt);
    WebhookDelivery givenUp = again.attemptFailed(null, "connection refused", null);

    assertThat(again.status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.lastStatusCode()).isEqualTo(500);
    assertThat(again.nextAttemptAt())
        .isEqualTo(retryAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(givenUp.status()).isEqualTo(WebhookStatus.FAILED);
    assertThat(givenUp.attempts()).isEqualTo(2);
    assertThat(givenUp.lastStatusCode()).isNull();
    assertThat(givenUp.lastError()).isEqualTo("connection refused");
    assertThat(givenUp.deliveredAt()).isNull();
  }

  @Test
  void longErrorsAreCutToTheLimit() {
    WebhookDelivery d = pending().attemptFailed(null, "x".repeat(2000), null);

    assertThat(d.lastError()).hasSize(WebhookDelivery.ERROR_MAX);
  }

  @Test
  void wireNamesRoundTrip() {
    for (WebhookStatus s : WebhookStatus.values()) {
      assertThat(WebhookStatus.fromWire(s.wire())).isEqualTo(s);
    }
    assertThat(List.of(WebhookStatus.values()))
        .extracting(WebhookStatus::wire)
        .containsExactly("pending", "delivered", "failed");
  }

  private static WebhookDelivery pending() {
    return Job.create(JOB_ID, OWNER, spec(URL), T0).deliveries().get(0);
  }
}
