package dev.docket.adapter.http;

import dev.docket.adapter.http.edge.EdgeLimits;
import dev.docket.adapter.http.metrics.MetricsJobListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param jsonBodyLimit largest JSON request body in bytes (larger: 413)
 * @param artifactBodyLimit largest artifact upload in bytes (larger: 413)
 * @param metricsAuth whether {@code /metrics} needs a valid API key
 * @param registry where metrics go; share it with {@link MetricsJobListener}
 * @param requestLogging whether every request is logged (method, path, status, duration)
 * @param sseKeepAlive how often an idle event stream sends a comment to keep proxies open
 * @param edge how many connections, and for how long, clients may hold
 */
public record HttpConfig(
    long jsonBodyLimit,
    long artifactBodyLimit,
    boolean metricsAuth,
    PrometheusMeterRegistry registry,
    boolean requestLogging,
    Duration sseKeepAlive,
    EdgeLimits edge) {

  public static final long MIB = 1024L * 1024;
  public static final long DEFAULT_JSON_LIMIT = MIB;
  public static final long DEFAULT_ARTIFACT_LIMIT = 1024 * MIB;
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

  public HttpConfig {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(sseKeepAlive, "sseKeepAlive");
    Objects.requireNonNull(edge, "edge");
    if (jsonBodyLimit < 1 || artifactBodyLimit < 1) {
      throw new IllegalArgumentException("body limits must be positive");
    }
  }

  /** The contract's defaults (1 MiB JSON, 1 GiB artifacts, open metrics), a fresh registry. */
  public static HttpConfig defaults() {
    return new HttpConfig(
        DEFAULT_JSON_LIMIT,
        DEFAULT_ARTIFACT_LIMIT,
        false,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        true,
        DEFAULT_KEEP_ALIVE,
        EdgeLimits.DEFAULT);
  }

  public HttpConfig withJsonBodyLimit(long bytes) {
    return new HttpConfig(
        bytes, artifactBodyLimit, metricsAuth, registry, requestLogging, sseKeepAlive, edge);
  }

  public HttpConfig withArtifactBodyLimit(long bytes) {
    return new HttpConfig(
        jsonBodyLimit, bytes, metricsAuth, registry, requestLogging, sseKeepAlive, edge);
  }

  public HttpConfig withMetricsAuth(boolean on) {
    return new HttpConfig(
        jsonBodyLimit, artifactBodyLimit, on, registry, requestLogging, sseKeepAlive, edge);
  }

  public HttpConfig withRegistry(PrometheusMeterRegistry r) {
    return new HttpConfig(
        jsonBodyLimit, artifactBodyLimit, metricsAuth, r, requestLogging, sseKeepAlive, edge);
  }

  public HttpConfig withRequestLogging(boolean on) {
    return new HttpConfig(
        jsonBodyLimit, artifactBodyLimit, metricsAuth, registry, on, sseKeepAlive, edge);
  }

  public HttpConfig withSseKeepAlive(Duration every) {
    return new HttpConfig(
        jsonBodyLimit, artifactBodyLimit, metricsAuth, registry, requestLogging, every, edge);
  }

  public HttpConfig withEdge(EdgeLimits limits) {
    return new HttpConfig(
        jsonBodyLimit,
        artifactBodyLimit,
        metricsAuth,
        registry,
        requestLogging,
        sseKeepAlive,
        limits);
  }
}
