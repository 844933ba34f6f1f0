package dev.docket.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.http.artifacts.ArtifactsHandler;
import dev.docket.adapter.http.edge.EdgeHeaders;
import dev.docket.adapter.http.edge.EdgeLimits;
import dev.docket.adapter.http.edge.HeaderDeadline;
import dev.docket.adapter.http.jobs.JobsHandler;
import dev.docket.adapter.http.metrics.RequestMetrics;
import dev.docket.adapter.http.ops.OpsHandler;
import dev.docket.adapter.http.problem.ParserProblems;
import dev.docket.adapter.http.problem.ProblemMapper;
import dev.docket.adapter.http.users.UsersHandler;
import dev.docket.adapter.http.wire.WireJson;
import dev.docket.adapter.http.worker.WorkerHandler;
import dev.docket.ports.usecase.Docket;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * Builds the HTTP API of {@code ../shared/docs/http-api.md} over a {@link Docket}. The server is
 * returned unstarted, so that tests and the application pick the port.
 */
public final class HttpApi {
  private HttpApi() {}

  /** The API, unstarted; start it with {@code .start(port)} (0 for any free port). */
  public static Javalin create(Docket docket, HttpConfig config) {
    ObjectMapper json = WireJson.mapper();
    Handlers h = Handlers.of(docket, config, json);
    return Javalin.create(c -> configure(c, config, json, h));
  }

  private static void configure(JavalinConfig c, HttpConfig config, ObjectMapper json, Handlers h) {
    c.startup.showJavalinBanner = false;
    c.concurrency.useVirtualThreads = true;
    c.http.prefer405over404 = true;
    c.http.maxRequestSize = config.jsonBodyLimit();
    c.jsonMapper(new JavalinJackson(json, true));
    edge(c, config, json);
    c.requestLogger.http(new RequestMetrics(config.registry(), config.requestLogging())::record);
    new ProblemMapper(json).register(c.routes);
    c.events.serverStopping(h.stream()::stopAll);
    c.routes.beforeMatched("/v1/*", h.auth()::before);
    routes(c.routes, h);
  }

  /**
   * What Jetty does before and around the routes: problem+json for its own errors, the security
   * headers on every response, no version banner, and the limits of {@link EdgeLimits}.
   */
  private static void edge(JavalinConfig c, HttpConfig config, ObjectMapper json) {
    EdgeLimits limits = config.edge();
    ParserProblems problems = new ParserProblems(json);
    c.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
          http.setIdleTimeout(limits.idleTimeout().toMillis());
          http.addCustomizer(new EdgeHeaders());
        });
    c.jetty.modifyServer(
        server -> {
          server.setErrorHandler(problems);
          NetworkConnectionLimit limit =
              new NetworkConnectionLimit(limits.maxConnections(), server);
          limit.setEndPointIdleTimeout(limits.busyIdleTimeout().toMillis());
          server.addBean(limit);
          server.addBean(new HeaderDeadline(server, limits.headerTimeout()));
        });
    c.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(problems));
  }

  private static void routes(RoutesConfig r, Handlers h) {
    JobsHandler jobs = h.jobs();
    r.post("/v1/jobs", jobs::submit);
    r.post("/v1/jobs/batch", jobs::batch);
    r.get("/v1/jobs", jobs::list);
    r.get("/v1/jobs/{id}", jobs::get);
    r.delete("/v1/jobs/{id}", jobs::delete);
    r.post("/v1/jobs/{id}/cancel", jobs::cancel);
    r.post("/v1/jobs/{id}/retry", jobs::retry);

    WorkerHandler worker = h.worker();
    r.post("/v1/queues/{queue}/claim", worker::claim);
    r.post("/v1/jobs/{id}/heartbeat", worker::heartbeat);
    r.post("/v1/jobs/{id}/complete", worker::complete);
    r.post("/v1/jobs/{id}/fail", worker::fail);

    r.post("/v1/jobs/{id}/events", h.events()::append);
    r.get("/v1/jobs/{id}/events", h.events()::list);
    r.get("/v1/jobs/{id}/events/stream", h.stream()::handle);

    ArtifactsHandler artifacts = h.artifacts();
    r.put("/v1/jobs/{id}/artifacts/{name}", artifacts::put);
    r.get("/v1/jobs/{id}/artifacts", artifacts::list);
    r.get("/v1/jobs/{id}/artifacts/{name}", artifacts::get);

    r.get("/v1/jobs/{id}/webhooks", h.webhooks()::list);

    UsersHandler users = h.users();
    r.get("/v1/me", users::me);
    r.post("/v1/users", users::create);
    r.get("/v1/users", users::list);
    r.get("/v1/users/{id}", users::get);
    r.delete("/v1/users/{id}", users::delete);
    r.post("/v1/users/{id}/keys", h.keys()::create);
    r.get("/v1/users/{id}/keys", h.keys()::list);
    r.delete("/v1/keys/{id}", h.keys()::revoke);

    OpsHandler ops = h.ops();
    r.get("/v1/stats", ops::stats);
    r.get("/v1/audit", ops::audit);
    r.post("/v1/admin/prune", ops::prune);
    r.get("/healthz", ops::healthz);
    r.get("/readyz", ops::readyz);
    r.get("/metrics", h.metrics()::scrape);
    r.get("/openapi.json", h.openApi()::get);
  }
}
