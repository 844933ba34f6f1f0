package dev.docket.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI system's day against a real {@code docket serve} on a SQLite file: a submitter and two
 * workers with keys of their own, jobs that succeed, fail and are retried or rescued, a log viewer
 * on the event stream, artifacts up and down, and a restart that must lose nothing.
 */
class CiEndToEndTest {
  private static final String ADMIN_KEY = "dk_e2e-admin-key-for-the-ci-end-to-end-test-0123456";
  private static final int BUILDS = 9;
  private static final byte[] FIRST_BUNDLE = Bytes.random(1, 1024 * 1024);
  // a size that is no multiple of the store's chunks, so the last chunk is a partial one
  private static final byte[] BUNDLE = Bytes.random(2, 3 * 1024 * 1024 + 123);

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aCiRunWithTwoWorkersIsServedWholeAndARestartLosesNothing() throws Exception {
    Path db = dir.resolve("docket.db");
    Map<String, Object> before;
    Map<String, String> keys;
    List<SseEvent> streamed;
    String deploy;
    String revoked;
    try (DocketServer server = DocketServer.start(dir, db, ADMIN_KEY, "first", List.of())) {
      Api admin = new Api(server.base(), ADMIN_KEY);
      keys = provision(admin);
      Api ci = admin.as(keys.get("ci"));
      Worker a = new Worker(admin.as(keys.get("builder-a")), "builder-a");
      Worker b = new Worker(admin.as(keys.get("builder-b")), "builder-b");
      revoked = revokedKey(admin, ci);

      deploy = submitDeployTwiceWithOneIdempotencyKey(ci);
      List<String> builds = submitBuilds(ci);
      CompletableFuture<List<SseEvent>> stream = SseFollower.follow(ci, deploy);

      failOnceThenRetryOnTheOtherWorker(a, b, deploy);
      Map<String, String> builtBy = buildConcurrently(a, b, builds);

      streamed = stream.get(60, TimeUnit.SECONDS);
      assertStreamSawEveryEventAndTheEnd(ci, deploy, streamed);
      assertDeployOutcome(ci, deploy);
      assertBuildOutcomes(ci, builtBy);
      assertListsAndStats(ci, deploy, builds);

      before = snapshot(admin, ci, keys);
      assertThat(server.stop()).as("exit code on SIGTERM; stderr: %s", server.stderr()).isZero();
    }

    try (DocketServer again = DocketServer.start(dir, db, ADMIN_KEY, "second", List.of())) {
      Api admin = new Api(again.base(), ADMIN_KEY);
      Api ci = admin.as(keys.get("ci"));
      assertThat(snapshot(admin, ci, keys)).isEqualTo(before);
      // a finished job's stream replays the same log and ends at once
      assertThat(SseFollower.follow(ci, deploy).get(30, TimeUnit.SECONDS)).isEqualTo(streamed);
      assertThat(ci.as(revoked).get("/v1/me").status()).isEqualTo(401);
      // the workers' keys still work for the protocol, not only for /v1/me
      Worker a = new Worker(admin.as(keys.get("builder-a")), "builder-a");
      assertThat(a.claim("ci", 0, 60)).isEmpty();
      assertThat(again.stop()).as("stderr: %s", again.stderr()).isZero();
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aDeadWorkersJobIsRescuedForTheOtherWorkerAndItsLateCallsAreRefused() throws Exception {
    Path db = dir.resolve("rescue.db");
    try (DocketServer server = DocketServer.start(dir, db, ADMIN_KEY, "rescue", List.of())) {
      Api admin = new Api(server.base(), ADMIN_KEY);
      Map<String, String> keys = provision(admin);
      Api ci = admin.as(keys.get("ci"));
      Worker dead = new Worker(admin.as(keys.get("builder-a")), "builder-a");
      Worker alive = new Worker(admin.as(keys.get("builder-b")), "builder-b");
      Reply submitted =
          ci.post("/v1/jobs", Map.of("kind", "backup", "queue", "nightly", "max_attempts", 3));
      assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
      String id = submitted.json().path("id").asText();

      JsonNode first = dead.claim("nightly", 5, 5).orElseThrow();
      assertThat(dead.heartbeat(first, 10, 5).status()).isEqualTo(200);
      assertThat(dead.log(first, "dumping the database").status()).isEqualTo(201);
      long died = System.nanoTime();
      // ...and the worker is gone: no more heartbeats

      JsonNode second = alive.claimWithin("nightly", Duration.ofSeconds(40), 60).orElseThrow();
      long rescuedAfter = Duration.ofNanos(System.nanoTime() - died).toSeconds();
      assertThat(Worker.jobId(second)).isEqualTo(id);
      assertThat(second.path("attempt").asInt()).isEqualTo(2);
      assertThat(second.path("worker_id").asText()).isEqualTo("builder-b");
      // 5 s lease, a rescuer pass every 2 s, then about 2 s of retry backoff
      assertThat(rescuedAfter).isBetween(4L, 20L);

      assertLeaseLost(dead.heartbeat(first, 90));
      assertLeaseLost(dead.log(first, "still here"));
      assertLeaseLost(dead.upload(first, "dump.sql", "text/plain", "late".getBytes()));
      assertLeaseLost(dead.complete(first, Map.of("by", "builder-a")));
      assertThat(alive.complete(second, Map.of("by", "builder-b")).status()).isEqualTo(200);
      // even after the outcome is in, the dead worker cannot overwrite it
      assertLeaseLost(dead.complete(first, Map.of("by", "builder-a")));
      assertLeaseLost(dead.fail(first, "late failure", false));

      JsonNode job = ci.get("/v1/jobs/" + id).json();
      assertThat(job.path("status").asText()).isEqualTo("succeeded");
      assertThat(job.path("result")).isEqualTo(Api.read("{\"by\":\"builder-b\"}"));
      assertThat(job.path("worker_id").asText()).isEqualTo("builder-b");
      assertThat(job.path("artifacts")).isEmpty();
      assertThat(transitions(ci, id))
          .containsExactly(
              "null>queued",
              "queued>running",
              "running>queued:lease expired",
              "queued>running",
              "running>succeeded");
      List<String> logs = texts(ci, id, "log");
      assertThat(logs).containsExactly("dumping the database");
      assertThat(server.stop()).as("stderr: %s", server.stderr()).isZero();
    }
  }

  // --- set-up --------------------------------------------------------------------------------

  /** The admin makes a submitter and two workers, each with a key of its own. */
  private static Map<String, String> provision(Api admin) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("ci", userWithKey(admin, "ci", "submitter"));
    keys.put("builder-a", userWithKey(admin, "builder-a", "worker"));
    keys.put("builder-b", userWithKey(admin, "builder-b", "worker"));
    keys.put("admin", ADMIN_KEY);
    return keys;
  }

  private static String userWithKey(Api admin, String name, String role) {
    Reply user =
        admin.post(
            "/v1/users",
            Map.of("name", name, "email", name + "@ci.invalid", "roles", List.of(role)));
    assertThat(user.status()).as("%s", user).isEqualTo(201);
    Reply key =
        admin.post(
            "/v1/users/" + user.json().path("id").asText() + "/keys",
            Map.of("name", name + "-key"));
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    String secret = key.json().path("key").asText();
    assertThat(secret).matches("dk_[A-Za-z0-9_-]{43}");
    return secret;
  }

  /** A second key of the submitter's, revoked at once: it must stay revoked across a restart. */
  private static String revokedKey(Api admin, Api ci) {
    String userId = ci.get("/v1/me").json().path("id").asText();
    Reply key = ci.post("/v1/users/" + userId + "/keys", Map.of("name", "leaked"));
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    String secret = key.json().path("key").asText();
    assertThat(ci.as(secret).get("/v1/me").status()).isEqualTo(200);
    Reply revoke =
        Api.send(admin.request("/v1/keys/" + key.json().path("id").asText()).DELETE().build());
    assertThat(revoke.status()).as("%s", revoke).isEqualTo(204);
    assertThat(ci.as(secret).get("/v1/me").status()).isEqualTo(401);
    return secret;
  }

  // --- the run -------------------------------------------------------------------------------

  private static String submitDeployTwiceWithOneIdempotencyKey(Api ci) {
    Map<String, Object> body =
        Map.of(
            "kind",
            "deploy",
            "queue",
            "deploy",
            "payload",
            Map.of("env", "staging", "sha", "4f2a9c"),
            "metadata",
            Map.of("pipeline", "1234"),
            "max_attempts",
            3);
    Map<String, String> key = Map.of("Idempotency-Key", "pipeline-1234-deploy");
    Reply first = ci.post("/v1/jobs", body, key);
    assertThat(first.status()).as("%s", first).isEqualTo(201);
    String id = first.json().path("id").asText();
    assertThat(first.header("Location")).endsWith("/v1/jobs/" + id);
    assertThat(first.json().path("idempotency_key").asText()).isEqualTo("pipeline-1234-deploy");

    Reply again = ci.post("/v1/jobs", body, key);
    assertThat(again.status()).as("%s", again).isEqualTo(200);
    assertThat(again.json().path("id").asText()).isEqualTo(id);

    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("payload", Map.of("env", "production", "sha", "4f2a9c"));
    Reply conflict = ci.post("/v1/jobs", other, key);
    assertThat(conflict.status()).as("%s", conflict).isEqualTo(409);
    return id;
  }

  private static List<String> submitBuilds(Api ci) {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < BUILDS; n++) {
      Reply r =
          ci.post(
              "/v1/jobs",
              Map.of("kind", "build", "queue", "ci", "payload", Map.of("n", n), "priority", n % 3));
      assertThat(r.status()).as("%s", r).isEqualTo(201);
      assertThat(r.json().path("status").asText()).isEqualTo("queued");
      ids.add(r.json().path("id").asText());
    }
    return ids;
  }

  /** Worker A's deploy fails on a network error; the retry lands on worker B and succeeds. */
  private static void failOnceThenRetryOnTheOtherWorker(Worker a, Worker b, String deploy) {
    JsonNode first = a.claim("deploy", 10, 60).orElseThrow();
    assertThat(Worker.jobId(first)).isEqualTo(deploy);
    assertThat(first.path("attempt").asInt()).isEqualTo(1);
    assertThat(first.path("status").asText()).isEqualTo("running");
    assertThat(a.heartbeat(first, 30).status()).isEqualTo(200);
    Reply appended = a.log(first, "deploying 4f2a9c to staging", "connection reset by peer");
    assertThat(appended.status()).as("%s", appended).isEqualTo(201);
    assertThat(appended.json().path("last_seq").asLong())
        .isEqualTo(appended.json().path("first_seq").asLong() + 1);
    assertThat(a.upload(first, "bundle.bin", "application/octet-stream", FIRST_BUNDLE).status())
        .isEqualTo(201);
    Reply failed = a.fail(first, "connection reset by peer", true);
    assertThat(failed.status()).as("%s", failed).isEqualTo(200);
    assertThat(failed.json().path("status").asText()).isEqualTo("queued");

    // the retry is due after about 2 s of backoff; the long-poll picks it up then
    JsonNode second = b.claim("deploy", 15, 60).orElseThrow();
    assertThat(Worker.jobId(second)).isEqualTo(deploy);
    assertThat(second.path("attempt").asInt()).isEqualTo(2);
    assertThat(second.path("worker_id").asText()).isEqualTo("builder-b");
    assertThat(b.heartbeat(second, 50).status()).isEqualTo(200);
    assertThat(b.log(second, "deploying 4f2a9c to staging again").status()).isEqualTo(201);
    Reply put = b.upload(second, "bundle.bin", "application/octet-stream", BUNDLE);
    assertThat(put.status()).as("%s", put).isEqualTo(201);
    assertThat(put.json().path("size").asLong()).isEqualTo(BUNDLE.length);
    assertThat(put.json().path("sha256").asText()).isEqualTo(Bytes.sha256(BUNDLE));
    assertThat(b.heartbeat(second, 100).status()).isEqualTo(200);
    assertThat(b.log(second, "deployed").status()).isEqualTo(201);
    Reply done = b.complete(second, Map.of("url", "https://staging.ci.invalid/4f2a9c"));
    assertThat(done.status()).as("%s", done).isEqualTo(200);
    assertThat(done.json().path("status").asText()).isEqualTo("succeeded");
  }

  /** Both workers drain the build queue at once; which worker built which job. */
  private static Map<String, String> buildConcurrently(Worker a, Worker b, List<String> builds)
      throws Exception {
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Map<String, String>> byA = pool.submit(() -> drain(a, done));
      Future<Map<String, String>> byB = pool.submit(() -> drain(b, done));
      Map<String, String> builtBy = new TreeMap<>(byA.get(120, TimeUnit.SECONDS));
      Map<String, String> fromB = byB.get(120, TimeUnit.SECONDS);
      assertThat(builtBy.keySet()).doesNotContainAnyElementsOf(fromB.keySet());
      builtBy.putAll(fromB);
      assertThat(builtBy.keySet()).containsExactlyInAnyOrderElementsOf(builds);
      return builtBy;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, String> drain(Worker w, AtomicInteger done) {
    Map<String, String> built = new LinkedHashMap<>();
    while (done.get() < BUILDS) {
      Optional<JsonNode> claimed = w.claim("ci", 1, 60);
      if (claimed.isEmpty()) {
        continue;
      }
      JsonNode job = claimed.get();
      int n = job.path("payload").path("n").asInt();
      assertThat(w.heartbeat(job, 50).status()).isEqualTo(200);
      assertThat(w.log(job, "compiling module " + n, "running tests of module " + n).status())
          .isEqualTo(201);
      Reply put = w.upload(job, "report.txt", "text/plain", report(n, w.id()));
      assertThat(put.status()).as("%s", put).isEqualTo(201);
      assertThat(w.heartbeat(job, 100).status()).isEqualTo(200);
      Reply done1 = w.complete(job, Map.of("n", n, "worker", w.id()));
      assertThat(done1.status()).as("%s", done1).isEqualTo(200);
      built.put(Worker.jobId(job), w.id());
      done.incrementAndGet();
    }
    return built;
  }

  private static byte[] report(int n, String worker) {
    return ("module " + n + ": 120 tests, 0 failures (built by " + worker + ")\n")
        .repeat(50)
        .getBytes(StandardCharsets.UTF_8);
  }

  // --- what the submitter sees ---------------------------------------------------------------

  private static void assertStreamSawEveryEventAndTheEnd(
      Api ci, String deploy, List<SseEvent> streamed) {
    assertThat(streamed).isNotEmpty();
    SseEvent end = streamed.getLast();
    assertThat(end.event()).isEqualTo("end");
    assertThat(end.id()).isNull();
    assertThat(Api.read(end.data())).isEqualTo(Api.read("{\"status\":\"succeeded\"}"));

    List<SseEvent> events = streamed.subList(0, streamed.size() - 1);
    JsonNode stored = ci.get("/v1/jobs/" + deploy + "/events").json().path("events");
    assertThat(events).hasSize(stored.size());
    for (int i = 0; i < events.size(); i++) {
      SseEvent e = events.get(i);
      JsonNode data = Api.read(e.data());
      assertThat(e.id()).isEqualTo(String.valueOf(i));
      assertThat(e.event()).isEqualTo(data.path("type").asText());
      assertThat(data).isEqualTo(stored.get(i));
    }
    assertThat(transitions(ci, deploy))
        .containsExactly(
            "null>queued",
            "queued>running",
            "running>queued:connection reset by peer",
            "queued>running",
            "running>succeeded");
    assertThat(texts(ci, deploy, "log"))
        .containsExactly(
            "deploying 4f2a9c to staging",
            "connection reset by peer",
            "deploying 4f2a9c to staging again",
            "deployed");
    assertThat(texts(ci, deploy, "progress").stream().map(Double::valueOf))
        .containsExactly(30.0, 50.0, 100.0);
  }

  private static void assertDeployOutcome(Api ci, String deploy) {
    JsonNode job = ci.get("/v1/jobs/" + deploy).json();
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("attempt").asInt()).isEqualTo(2);
    assertThat(job.path("worker_id").asText()).isEqualTo("builder-b");
    assertThat(job.path("progress").asDouble()).isEqualTo(100.0);
    assertThat(job.path("result").path("url").asText())
        .isEqualTo("https://staging.ci.invalid/4f2a9c");
    assertThat(job.path("finished_at").isTextual()).isTrue();
    JsonNode artifacts = job.path("artifacts");
    assertThat(artifacts).hasSize(1);
    assertThat(artifacts.get(0).path("name").asText()).isEqualTo("bundle.bin");
    assertThat(artifacts.get(0).path("size").asLong()).isEqualTo(BUNDLE.length);
    assertThat(artifacts.get(0).path("sha256").asText()).isEqualTo(Bytes.sha256(BUNDLE));
    assertDownload(ci, deploy, "bundle.bin", "application/octet-stream", BUNDLE);
  }

  private static void assertBuildOutcomes(Api ci, Map<String, String> builtBy) {
    for (Map.Entry<String, String> e : builtBy.entrySet()) {
      JsonNode job = ci.get("/v1/jobs/" + e.getKey()).json();
      int n = job.path("payload").path("n").asInt();
      assertThat(job.path("status").asText()).isEqualTo("succeeded");
      assertThat(job.path("attempt").asInt()).isEqualTo(1);
      assertThat(job.path("worker_id").asText()).isEqualTo(e.getValue());
      assertThat(job.path("result").path("n").asInt()).isEqualTo(n);
      assertThat(job.path("result").path("worker").asText()).isEqualTo(e.getValue());
      assertThat(job.path("event_count").asLong())
          .isEqualTo(ci.get("/v1/jobs/" + e.getKey() + "/events").json().path("events").size());
      assertDownload(ci, e.getKey(), "report.txt", "text/plain", report(n, e.getValue()));
    }
  }

  private static void assertDownload(
      Api api, String jobId, String name, String type, byte[] expected) {
    HttpResponse<byte[]> r = api.download(jobId, name);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(expected);
    assertThat(r.headers().firstValue("ETag")).hasValue("\"" + Bytes.sha256(expected) + "\"");
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(expected.length);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(type);
  }

  private static void assertListsAndStats(Api ci, String deploy, List<String> builds) {
    Set<String> listed = new HashSet<>();
    List<String> order = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          ci.get("/v1/jobs?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      assertThat(page.path("jobs").size()).isBetween(1, 4);
      page.path("jobs").forEach(j -> order.add(j.path("id").asText()));
      cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 10);
    listed.addAll(order);
    assertThat(order).hasSize(BUILDS + 1).doesNotHaveDuplicates();
    // newest first: ids are time-ordered, and the deploy was submitted before every build
    assertThat(order).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(order.getLast()).isEqualTo(deploy);
    assertThat(listed).contains(deploy).containsAll(builds);
    assertThat(pages).isEqualTo(3);

    JsonNode ciOnly = ci.get("/v1/jobs?status=succeeded&queue=ci").json().path("jobs");
    assertThat(ciOnly).hasSize(BUILDS);
    assertThat(ci.get("/v1/jobs?status=queued,running,failed").json().path("jobs")).isEmpty();

    JsonNode stats = ci.get("/v1/stats").json();
    assertThat(stats.path("by_status").path("succeeded").asInt()).isEqualTo(BUILDS + 1);
    for (String s : List.of("queued", "running", "failed", "cancelled")) {
      assertThat(stats.path("by_status").path(s).isInt()).as(s).isTrue();
      assertThat(stats.path("by_status").path(s).asInt()).as(s).isZero();
    }
    assertThat(stats.path("by_queue").path("ci").path("succeeded").asInt()).isEqualTo(BUILDS);
    assertThat(stats.path("by_queue").path("deploy").path("succeeded").asInt()).isEqualTo(1);
    assertThat(stats.path("success_rate").asDouble()).isEqualTo(1.0);
    assertThat(stats.path("avg_duration_seconds").isNumber()).isTrue();
  }

  // --- restart -------------------------------------------------------------------------------

  /**
   * Everything a client can read back: every job with its events and artifact bytes, the lists, the
   * stats, every user and key and who each key authenticates as.
   */
  private static Map<String, Object> snapshot(Api admin, Api ci, Map<String, String> keys) {
    Map<String, Object> s = new TreeMap<>();
    JsonNode jobs = admin.get("/v1/jobs?limit=1000").json().path("jobs");
    assertThat(jobs.size()).isEqualTo(BUILDS + 1);
    s.put("admin jobs", jobs);
    s.put("ci jobs", ci.get("/v1/jobs?limit=1000").json());
    s.put("ci stats", ci.get("/v1/stats").json());
    s.put("users", admin.get("/v1/users").json());
    for (JsonNode j : jobs) {
      String id = j.path("id").asText();
      s.put(id, ci.get("/v1/jobs/" + id).json());
      s.put(id + " events", ci.get("/v1/jobs/" + id + "/events").json());
      JsonNode artifacts = ci.get("/v1/jobs/" + id + "/artifacts").json();
      s.put(id + " artifacts", artifacts);
      for (JsonNode a : artifacts.path("artifacts")) {
        HttpResponse<byte[]> bytes = ci.download(id, a.path("name").asText());
        assertThat(bytes.statusCode()).isEqualTo(200);
        s.put(
            id + " " + a.path("name").asText(),
            Bytes.sha256(bytes.body()) + " " + bytes.headers().firstValue("ETag").orElse(""));
      }
    }
    for (Map.Entry<String, String> k : keys.entrySet()) {
      Reply me = ci.as(k.getValue()).get("/v1/me");
      assertThat(me.status()).as("key of %s: %s", k.getKey(), me).isEqualTo(200);
      String userId = me.json().path("id").asText();
      s.put(k.getKey() + " is", me.json());
      s.put(k.getKey() + " keys", keyList(admin, userId));
    }
    return s;
  }

  /** The user's keys without {@code last_used_at}, which reading the snapshot itself moves. */
  private static JsonNode keyList(Api admin, String userId) {
    JsonNode keys = admin.get("/v1/users/" + userId + "/keys").json();
    keys.path("keys").forEach(k -> ((ObjectNode) k).remove("last_used_at"));
    return keys;
  }

  private static void assertLeaseLost(Reply r) {
    assertThat(r.status()).as("%s", r).isEqualTo(409);
    assertThat(r.problem()).as("%s", r).isEqualTo("lease-lost");
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
  }

  // --- event log helpers ---------------------------------------------------------------------

  /** Status events as {@code from>to[:error]}. */
  private static List<String> transitions(Api api, String jobId) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : api.get("/v1/jobs/" + jobId + "/events").json().path("events")) {
      if (e.path("type").asText().equals("status")) {
        JsonNode d = e.path("data");
        String error = d.path("error").isTextual() ? ":" + d.path("error").asText() : "";
        out.add(d.path("from").asText("null") + ">" + d.path("to").asText() + error);
      }
    }
    return out;
  }

  /** The data of every event of one type, as text. */
  private static List<String> texts(Api api, String jobId, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : api.get("/v1/jobs/" + jobId + "/events").json().path("events")) {
      if (e.path("type").asText().equals(type)) {
        out.add(e.path("data").asText());
      }
    }
    return out;
  }
}
