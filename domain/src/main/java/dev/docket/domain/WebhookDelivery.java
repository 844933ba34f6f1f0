package dev.docket.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One POST owed to a job's webhook URL, kept in an outbox written with the transition that caused
 * it. {@code seq} is the seq of that transition's {@code status} event, so a job's deliveries are
 * ordered by it. {@code body} is the exact JSON text that is signed and sent. {@code url} is copied
 * from the job so a delivery can still go out after its job was deleted.
 *
 * <p>{@code lastStatusCode}, {@code lastError} and {@code deliveredAt} may be null; {@code
 * nextAttemptAt} is when a pending delivery is due (for finished ones, when it was last due).
 */
public record WebhookDelivery(
    UUID id,
    UUID jobId,
    long seq,
    String url,
    String event,
    String body,
    WebhookStatus status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt,
    Instant createdAt) {

  /** The only event so far: a job changed status. */
  public static final String JOB_STATUS = "job.status";

  /** Errors are kept short: they are shown to users and stored per attempt. */
  public static final int ERROR_MAX = 500;

  public WebhookDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(createdAt, "createdAt");
    nextAttemptAt = nextAttemptAt.truncatedTo(ChronoUnit.MILLIS);
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    deliveredAt = deliveredAt == null ? null : deliveredAt.truncatedTo(ChronoUnit.MILLIS);
    if (lastError != null && lastError.length() > ERROR_MAX) {
      lastError = lastError.substring(0, ERROR_MAX);
    }
  }

  /** The {@code job.status} delivery for {@code job} as it stands after the transition. */
  static WebhookDelivery jobStatus(Job job, long seq, Instant now) {
    return new WebhookDelivery(
        Ids.newId(now),
        job.id(),
        seq,
        job.webhookUrl(),
        JOB_STATUS,
        WebhookPayload.jobStatus(job),
        WebhookStatus.PENDING,
        0,
        null,
        null,
        now,
        null,
        now);
  }

  /** An attempt answered 2xx. */
  public WebhookDelivery delivered(int statusCode, Instant now) {
    return with(WebhookStatus.DELIVERED, statusCode, null, nextAttemptAt, now);
  }

  /**
   * An attempt failed ({@code statusCode} null when there was no HTTP answer): due again at {@code
   * retryAt}, or given up ({@code failed}) when {@code retryAt} is null.
   */
  public WebhookDelivery attemptFailed(Integer statusCode, String error, Instant retryAt) {
    return retryAt == null
        ? with(WebhookStatus.FAILED, statusCode, error, nextAttemptAt, null)
        : with(WebhookStatus.PENDING, statusCode, error, retryAt, null);
  }

  private WebhookDelivery with(
      WebhookStatus s, Integer code, String error, Instant next, Instant delivered) {
    return new WebhookDelivery(
        id, jobId, seq, url, event, body, s, attempts + 1, code, error, next, delivered, createdAt);
  }
}
