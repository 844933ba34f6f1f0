package dev.docket.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A job to submit. Only {@code kind} is required; every other field is null for "the server's
 * default". Build one with {@link #builder(String)} or {@link #of(String, Object)}.
 *
 * @param kind what the job is, 1-200 characters
 * @param queue the queue, default {@code default}
 * @param payload any JSON, default {@code {}}
 * @param metadata a JSON object, or null
 * @param priority higher first, default 0
 * @param runAt not before this time, default now
 * @param maxAttempts 1-100, default 3
 * @param idempotencyKey makes the submit safe to repeat; the client picks a random one when null
 * @param webhookUrl where status changes are posted, or null
 */
public record NewJob(
    String kind,
    String queue,
    JsonNode payload,
    JsonNode metadata,
    Integer priority,
    Instant runAt,
    Integer maxAttempts,
    String idempotencyKey,
    String webhookUrl) {
  public NewJob {
    Objects.requireNonNull(kind, "kind");
  }

  /** A job of {@code kind} with {@code payload} (any value Jackson can write) and defaults. */
  public static NewJob of(String kind, Object payload) {
    return builder(kind).payload(payload).build();
  }

  /** A builder for a job of {@code kind}. */
  public static Builder builder(String kind) {
    return new Builder(kind);
  }

  /** The same job with this idempotency key. */
  public NewJob withIdempotencyKey(String key) {
    return new NewJob(
        kind, queue, payload, metadata, priority, runAt, maxAttempts, key, webhookUrl);
  }

  /** Collects the optional fields of a {@link NewJob}. */
  public static final class Builder {
    private final String kind;
    private String queue;
    private JsonNode payload;
    private JsonNode metadata;
    private Integer priority;
    private Instant runAt;
    private Integer maxAttempts;
    private String idempotencyKey;
    private String webhookUrl;

    private Builder(String kind) {
      this.kind = kind;
    }

    /** The queue ({@code [a-z0-9._-]{1,64}}). */
    public Builder queue(String queue) {
      this.queue = queue;
      return this;
    }

    /** The payload: a {@link JsonNode}, or any value Jackson can write (a record, a map). */
    public Builder payload(Object payload) {
      this.payload = Json.MAPPER.valueToTree(payload);
      return this;
    }

    /** Metadata: a JSON object, or a value Jackson writes as one. */
    public Builder metadata(Object metadata) {
      this.metadata = Json.MAPPER.valueToTree(metadata);
      return this;
    }

    /** Higher runs first. */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    /** The earliest time the job may be claimed. */
    public Builder runAt(Instant runAt) {
      this.runAt = runAt;
      return this;
    }

    /** How many claims the job gets at most (1-100). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** A key that makes repeated submits return the first job. */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** An http or https URL that gets a POST after every status change. */
    public Builder webhookUrl(String webhookUrl) {
      this.webhookUrl = webhookUrl;
      return this;
    }

    /** The job. */
    public NewJob build() {
      return new NewJob(
          kind, queue, payload, metadata, priority, runAt, maxAttempts, idempotencyKey, webhookUrl);
    }
  }
}
