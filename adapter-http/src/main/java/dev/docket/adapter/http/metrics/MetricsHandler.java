package dev.docket.adapter.http.metrics;

import dev.docket.adapter.http.auth.Auth;
import dev.docket.domain.JobStatus;
import dev.docket.ports.JobStats;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.JobService;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics} in the Prometheus text format. The queue-depth gauge is refreshed from the
 * store's statistics at scrape time, so it is exact whichever instance made the changes.
 */
public final class MetricsHandler {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Actor SCRAPER = Actor.system("metrics");

  private final PrometheusMeterRegistry registry;
  private final JobService jobs;
  private final Auth auth;
  private final boolean requireAuth;
  private final MultiGauge depth;

  public MetricsHandler(
      PrometheusMeterRegistry registry, JobService jobs, Auth auth, boolean requireAuth) {
    this.registry = registry;
    this.jobs = jobs;
    this.auth = auth;
    this.requireAuth = requireAuth;
    this.depth =
        MultiGauge.builder("docket.queue.depth")
            .description("jobs by queue and status")
            .register(registry);
  }

  public void scrape(Context ctx) {
    if (requireAuth) {
      auth.authenticate(ctx);
    }
    refreshDepth();
    ctx.status(200).contentType(CONTENT_TYPE).result(registry.scrape());
  }

  private synchronized void refreshDepth() {
    JobStats stats = jobs.stats(SCRAPER, null, null);
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<JobStatus, Long>> q : stats.byQueue().entrySet()) {
      for (JobStatus s : JobStatus.values()) {
        long n = q.getValue().getOrDefault(s, 0L);
        rows.add(MultiGauge.Row.of(Tags.of("queue", q.getKey(), "status", s.wire()), n));
      }
    }
    depth.register(rows, true);
  }
}
