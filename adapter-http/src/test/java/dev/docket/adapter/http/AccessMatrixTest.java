package dev.docket.adapter.http;

import static dev.docket.adapter.http.ApiServer.newQueue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route against every kind of caller: admin, the job's owner (a submitter), the worker
 * holding the job's lease, another submitter, no key, and a revoked key. Each cell runs on a fresh
 * job so that no call depends on another's outcome.
 */
class AccessMatrixTest {
  enum Caller {
    ADMIN,
    OWNER,
    WORKER,
    OTHER,
    NONE,
    REVOKED
  }

  static ApiServer server;
  static ApiServer.User owner;
  static ApiServer.User worker;
  static ApiServer.User other;
  static Api revoked;

  /** A fresh job of the owner, claimed by the worker. */
  record Fixture(String job, String queue, String token) {
    String path(String rest) {
      return "/v1/jobs/" + job + rest;
    }
  }

  record Route(String name, BiFunction<Fixture, Api, Reply> call, int... expected) {}

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    owner = server.user("submitter");
    worker = server.user("worker");
    other = server.user("submitter");
    ApiServer.User gone = server.user("submitter", "worker");
    server.admin.delete("/v1/keys/" + gone.keyId());
    revoked = gone.api();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Route> routes() {
    List<Route> r = new ArrayList<>();
    //                                                                    admin owner worker other
    // none revoked
    r.add(
        new Route(
            "POST /v1/jobs",
            (f, a) -> a.post("/v1/jobs", "{\"kind\":\"k\",\"queue\":\"" + newQueue() + "\"}"),
            201,
            201,
            403,
            201,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/jobs/batch",
            (f, a) ->
                a.post(
                    "/v1/jobs/batch",
                    "{\"jobs\":[{\"kind\":\"k\",\"queue\":\"" + newQueue() + "\"}]}"),
            201,
            201,
            403,
            201,
            401,
            401));
    r.add(new Route("GET /v1/jobs", (f, a) -> a.get("/v1/jobs"), 200, 200, 403, 200, 401, 401));
    r.add(
        new Route("GET /v1/jobs/{id}", (f, a) -> a.get(f.path("")), 200, 200, 200, 404, 401, 401));
    r.add(
        new Route(
            "POST /v1/jobs/{id}/cancel",
            (f, a) -> a.post(f.path("/cancel"), null),
            200,
            200,
            403,
            404,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/jobs/{id}/retry",
            (f, a) -> a.post(cancelled(f).path("/retry"), null),
            200,
            200,
            403,
            404,
            401,
            401));
    r.add(
        new Route(
            "DELETE /v1/jobs/{id}",
            (f, a) -> a.delete(cancelled(f).path("")),
            204,
            204,
            403,
            404,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/queues/{queue}/claim",
            (f, a) -> a.post("/v1/queues/" + f.queue() + "/claim", "{\"worker_id\":\"w\"}"),
            200,
            403,
            200,
            403,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/jobs/{id}/heartbeat",
            (f, a) -> a.post(f.path("/heartbeat"), token(f)),
            200,
            403,
            200,
            403,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/jobs/{id}/complete",
            (f, a) -> a.post(f.path("/complete"), token(f)),
            200,
            403,
            200,
            403,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/jobs/{id}/fail",
            (f, a) ->
                a.post(f.path("/fail"), "{\"lease_token\":\"" + f.token() + "\",\"error\":\"x\"}"),
            200,
            403,
            200,
            403,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/jobs/{id}/events",
            (f, a) ->
                a.post(
                    f.path("/events"),
                    "{\"lease_token\":\""
                        + f.token()
                        + "\",\"events\":[{\"type\":\"log\",\"data\":\"x\"}]}"),
            201,
            403,
            201,
            403,
            401,
            401));
    r.add(
        new Route(
            "GET /v1/jobs/{id}/events",
            (f, a) -> a.get(f.path("/events")),
            200,
            200,
            200,
            404,
            401,
            401));
    r.add(
        new Route(
            "GET /v1/jobs/{id}/events/stream",
            AccessMatrixTest::streamStatus,
            200,
            200,
            200,
            404,
            401,
            401));
    r.add(
        new Route(
            "PUT /v1/jobs/{id}/artifacts/{name}",
            (f, a) ->
                a.put(
                    f.path("/artifacts/a.txt?lease_token=" + f.token()), "text/plain", bytes("a")),
            201,
            403,
            201,
            403,
            401,
            401));
    r.add(
        new Route(
            "GET /v1/jobs/{id}/artifacts",
            (f, a) -> a.get(f.path("/artifacts")),
            200,
            200,
            200,
            404,
            401,
            401));
    r.add(
        new Route(
            "GET /v1/jobs/{id}/artifacts/{name}",
            (f, a) -> a.get(withArtifact(f).path("/artifacts/a.txt")),
            200,
            200,
            200,
            404,
            401,
            401));
    r.add(
        new Route(
            "GET /v1/jobs/{id}/webhooks",
            (f, a) -> a.get(f.path("/webhooks")),
            200,
            200,
            404,
            404,
            401,
            401));
    r.add(new Route("GET /v1/me", (f, a) -> a.get("/v1/me"), 200, 200, 200, 200, 401, 401));
    r.add(
        new Route(
            "POST /v1/users",
            (f, a) ->
                a.post(
                    "/v1/users",
                    "{\"name\":\"n\",\"email\":\""
                        + System.nanoTime()
                        + "@example.com\",\"roles\":[\"worker\"]}"),
            201,
            403,
            403,
            403,
            401,
            401));
    r.add(new Route("GET /v1/users", (f, a) -> a.get("/v1/users"), 200, 403, 403, 403, 401, 401));
    // the contract keeps users to admins; a user reads itself through /v1/me
    r.add(
        new Route(
            "GET /v1/users/{id}",
            (f, a) -> a.get("/v1/users/" + owner.id()),
            200,
            403,
            403,
            403,
            401,
            401));
    r.add(
        new Route(
            "DELETE /v1/users/{id}",
            (f, a) -> a.delete("/v1/users/" + server.user("worker").id()),
            204,
            403,
            403,
            403,
            401,
            401));
    r.add(
        new Route(
            "POST /v1/users/{id}/keys",
            (f, a) -> a.post("/v1/users/" + owner.id() + "/keys", "{\"name\":\"k\"}"),
            201,
            201,
            404,
            404,
            401,
            401));
    r.add(
        new Route(
            "GET /v1/users/{id}/keys",
            (f, a) -> a.get("/v1/users/" + owner.id() + "/keys"),
            200,
            200,
            404,
            404,
            401,
            401));
    r.add(
        new Route(
            "DELETE /v1/keys/{id}",
            (f, a) -> a.delete("/v1/keys/" + spareKeyOfOwner()),
            204,
            204,
            404,
            404,
            401,
            401));
    r.add(new Route("GET /v1/stats", (f, a) -> a.get("/v1/stats"), 200, 200, 403, 200, 401, 401));
    r.add(new Route("GET /v1/audit", (f, a) -> a.get("/v1/audit"), 200, 403, 403, 403, 401, 401));
    r.add(
        new Route(
            "POST /v1/admin/prune",
            (f, a) -> a.post("/v1/admin/prune", "{\"older_than\":\"3650d\"}"),
            200,
            403,
            403,
            403,
            401,
            401));
    r.add(new Route("GET /healthz", (f, a) -> a.get("/healthz"), 200, 200, 200, 200, 200, 200));
    r.add(new Route("GET /readyz", (f, a) -> a.get("/readyz"), 200, 200, 200, 200, 200, 200));
    r.add(new Route("GET /metrics", (f, a) -> a.get("/metrics"), 200, 200, 200, 200, 200, 200));
    r.add(
        new Route(
            "GET /openapi.json", (f, a) -> a.get("/openapi.json"), 200, 200, 200, 200, 200, 200));
    return r;
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsTheContractsStatusOnEveryRoute() {
    Map<Caller, Api> apis =
        Map.of(
            Caller.ADMIN, server.admin,
            Caller.OWNER, owner.api(),
            Caller.WORKER, worker.api(),
            Caller.OTHER, other.api(),
            Caller.NONE, server.anonymous(),
            Caller.REVOKED, revoked);
    return routes().stream()
        .flatMap(
            route ->
                Stream.of(Caller.values())
                    .map(
                        caller ->
                            DynamicTest.dynamicTest(
                                caller
                                    + " "
                                    + route.name()
                                    + " -> "
                                    + route.expected()[caller.ordinal()],
                                () -> {
                                  Reply r = route.call().apply(fixture(), apis.get(caller));
                                  assertThat(r.status())
                                      .as(r.body())
                                      .isEqualTo(route.expected()[caller.ordinal()]);
                                  if (r.status() >= 400) {
                                    assertThat(r.contentType())
                                        .startsWith("application/problem+json");
                                  }
                                })));
  }

  /** A job of the owner's, running under the worker's lease. */
  static Fixture fixture() {
    String q = newQueue();
    String id = ApiServer.submit(owner.api(), q, "k").get("id").asText();
    JsonNode claimed = ApiServer.claim(worker.api(), q);
    assertThat(claimed.get("id").asText()).isEqualTo(id);
    return new Fixture(id, q, claimed.get("lease_token").asText());
  }

  static Fixture cancelled(Fixture f) {
    assertThat(server.admin.post(f.path("/cancel"), null).status()).isEqualTo(200);
    return f;
  }

  static Fixture withArtifact(Fixture f) {
    assertThat(server.admin.put(f.path("/artifacts/a.txt"), "text/plain", bytes("a")).status())
        .isEqualTo(201);
    return f;
  }

  static String token(Fixture f) {
    return "{\"lease_token\":\"" + f.token() + "\"}";
  }

  static String spareKeyOfOwner() {
    return server
        .admin
        .post("/v1/users/" + owner.id() + "/keys", "{\"name\":\"spare\"}")
        .json()
        .get("id")
        .asText();
  }

  static Reply streamStatus(Fixture f, Api a) {
    try (SseClient s = SseClient.open(a, f.path("/events/stream"), Map.of())) {
      return new Reply(s.status(), s.response.headers(), s.status() == 200 ? "" : s.errorBody());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
