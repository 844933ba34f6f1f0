package dev.docket.adapter.http.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request by method, route template (not the raw path, to keep the series few) and
 * status, and logs it when request logging is on.
 */
public final class RequestMetrics {
  private static final Logger LOG = LoggerFactory.getLogger("dev.docket.http.requests");

  private final MeterRegistry registry;
  private final boolean log;

  public RequestMetrics(MeterRegistry registry, boolean log) {
    this.registry = registry;
    this.log = log;
  }

  public void record(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.res().getStatus();
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route and status")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
    if (log) {
      LOG.info(
          "{} {} {} {}ms", ctx.method().name(), ctx.path(), status, String.format("%.1f", millis));
    }
  }

  private static String route(Context ctx) {
    try {
      Endpoint e = ctx.endpoints().lastHttpEndpoint();
      return e == null ? "unmatched" : e.path;
    } catch (RuntimeException noEndpoint) {
      return "unmatched";
    }
  }
}
