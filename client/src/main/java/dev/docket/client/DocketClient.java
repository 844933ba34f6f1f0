package dev.docket.client;

import dev.docket.client.error.DocketException;
import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.error.LeaseLostException;
import dev.docket.client.error.NotFoundException;
import dev.docket.client.error.ValidationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;

/**
 * A client of one Docket server, safe to share between threads. Build it with {@link
 * #builder(String)}; its sub-APIs follow the sections of the HTTP API.
 *
 * <p><b>Errors.</b> An error answer is thrown as a {@link DocketException} subclass carrying the
 * problem details ({@link NotFoundException}, {@link LeaseLostException}, {@link
 * ValidationException} naming the field, ...); no answer at all is a {@link
 * DocketUnreachableException}.
 *
 * <p><b>Retries.</b> Within the {@link RetryPolicy} budget, every call is repeated after a refused
 * connection and after Docket's own 503 (honouring {@code Retry-After}): in both cases the server
 * did not act. After other failures (a connection broken mid-way, a timeout) only calls whose
 * repetition has no further effect are repeated (a proxy's 503 counts as such a failure): reads,
 * heartbeats, uploads from a file, prunes, and submits and batches, which always carry idempotency
 * keys (the caller's or a random one per submitted job) so that the server makes each job once
 * however often the request arrives. Complete, fail, event appends, claims, cancels and the user
 * and key writes are not: the reasons are on {@link WorkerApi} and {@link EventsApi}.
 */
public final class DocketClient implements AutoCloseable {
  private final JobsApi jobs;
  private final WorkerApi worker;
  private final EventsApi events;
  private final ArtifactsApi artifacts;
  private final UsersApi users;
  private final OpsApi ops;
  private final HttpClient http;

  private DocketClient(HttpClient http, Transport t, Duration streamIdleTimeout) {
    this.http = http;
    this.jobs = new JobsApi(t);
    this.worker = new WorkerApi(t);
    this.events = new EventsApi(t, streamIdleTimeout);
    this.artifacts = new ArtifactsApi(t);
    this.users = new UsersApi(t);
    this.ops = new OpsApi(t);
  }

  /**
   * A builder for a client of the server at {@code baseUrl}, e.g. {@code http://localhost:8080}.
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** Submitting and managing jobs. */
  public JobsApi jobs() {
    return jobs;
  }

  /** Claiming and working jobs. */
  public WorkerApi worker() {
    return worker;
  }

  /** Jobs' event logs. */
  public EventsApi events() {
    return events;
  }

  /** Jobs' artifacts. */
  public ArtifactsApi artifacts() {
    return artifacts;
  }

  /** Users and keys. */
  public UsersApi users() {
    return users;
  }

  /** Statistics, audit, prune and health. */
  public OpsApi ops() {
    return ops;
  }

  /** Waits for calls in progress, then releases the connections; the client is unusable after. */
  @Override
  public void close() {
    http.close();
  }

  /** The settings of a {@link DocketClient}; every one but the base URL has a default. */
  public static final class Builder {
    private final URI baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration streamIdleTimeout = Duration.ofSeconds(60);

    private Builder(String baseUrl) {
      String base = Objects.requireNonNull(baseUrl, "baseUrl");
      this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** The API key sent as {@code Authorization: Bearer}; none by default. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** How long to wait for a connection (default 5 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout);
      return this;
    }

    /**
     * How long to wait for an answer (default 30 s); a long-poll claim adds its wait, transfers and
     * event streams are not limited by it.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout);
      return this;
    }

    /** How failed calls are repeated (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy);
      return this;
    }

    /**
     * How long a followed event stream may stay silent before the client takes the connection for
     * dead and reopens it (default 60 s: four of the server's default 15 s keep-alive comments).
     */
    public Builder streamIdleTimeout(Duration streamIdleTimeout) {
      if (streamIdleTimeout.isNegative() || streamIdleTimeout.isZero()) {
        throw new IllegalArgumentException("streamIdleTimeout must be positive");
      }
      this.streamIdleTimeout = streamIdleTimeout;
      return this;
    }

    /** The client. */
    public DocketClient build() {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
      return new DocketClient(
          http,
          new Transport(http, baseUrl, apiKey, requestTimeout, retryPolicy),
          streamIdleTimeout);
    }
  }
}
