package dev.docket.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.adapter.http.artifacts.ArtifactsHandler;
import dev.docket.adapter.http.auth.Auth;
import dev.docket.adapter.http.events.EventStream;
import dev.docket.adapter.http.events.EventsHandler;
import dev.docket.adapter.http.jobs.JobsHandler;
import dev.docket.adapter.http.metrics.MetricsHandler;
import dev.docket.adapter.http.ops.OpsHandler;
import dev.docket.adapter.http.users.KeysHandler;
import dev.docket.adapter.http.users.UsersHandler;
import dev.docket.adapter.http.webhooks.WebhooksHandler;
import dev.docket.adapter.http.wire.Bodies;
import dev.docket.adapter.http.wire.Replies;
import dev.docket.adapter.http.worker.WorkerHandler;
import dev.docket.ports.usecase.Docket;

/** Every handler of the API, wired to the use cases. */
record Handlers(
    Auth auth,
    JobsHandler jobs,
    WorkerHandler worker,
    EventsHandler events,
    EventStream stream,
    ArtifactsHandler artifacts,
    WebhooksHandler webhooks,
    UsersHandler users,
    KeysHandler keys,
    OpsHandler ops,
    MetricsHandler metrics,
    OpenApiHandler openApi) {

  static Handlers of(Docket d, HttpConfig config, ObjectMapper json) {
    Bodies bodies = new Bodies(json, config.jsonBodyLimit());
    Replies replies = new Replies(json);
    Auth auth = new Auth(d.users());
    JobsHandler jobs = new JobsHandler(d.jobs(), d.artifacts(), bodies, replies);
    return new Handlers(
        auth,
        jobs,
        new WorkerHandler(d.workers(), jobs, bodies, replies),
        new EventsHandler(d.workers(), d.events(), bodies, replies),
        new EventStream(d.events(), json, config.sseKeepAlive()),
        new ArtifactsHandler(d.artifacts(), replies, config.artifactBodyLimit()),
        new WebhooksHandler(d.webhooks(), replies),
        new UsersHandler(d.users(), bodies, replies),
        new KeysHandler(d.users(), bodies, replies),
        new OpsHandler(d.jobs(), d.audit(), d.admin(), d.store(), bodies, replies),
        new MetricsHandler(config.registry(), d.jobs(), auth, config.metricsAuth()),
        new OpenApiHandler());
  }
}
