package dev.docket.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests the scenarios make, as a submitter and a worker user of their own (created through
 * the API with the admin key, as any operator would).
 */
final class Workload {
  private static final int BATCH_LIMIT = 1000;

  private final Api api;
  private final String submitterKey;
  private final String workerKey;
  private final AtomicInteger queues = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();

  private Workload(Api api, String submitterKey, String workerKey) {
    this.api = api;
    this.submitterKey = submitterKey;
    this.workerKey = workerKey;
  }

  /** Creates the bench's users and keys with the admin key. */
  static Workload create(Api api, String adminKey) throws IOException, InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return new Workload(
        api,
        userKey(api, adminKey, "bench submitter " + run, "submitter", run),
        userKey(api, adminKey, "bench worker " + run, "worker", run));
  }

  private static String userKey(Api api, String adminKey, String name, String role, String run)
      throws IOException, InterruptedException {
    ObjectNode user = Api.JSON.createObjectNode();
    user.put("name", name);
    user.put("email", "bench-" + role + "-" + run + "@example.com");
    user.putArray("roles").add(role);
    String id = api.post("/v1/users", adminKey, user.toString()).path("id").asText();
    ObjectNode key = Api.JSON.createObjectNode().put("name", "docket bench");
    return api.post("/v1/users/" + id + "/keys", adminKey, key.toString()).path("key").asText();
  }

  /** A queue name no earlier run of this bench used, so scenarios never see each other's jobs. */
  String freshQueue(String prefix) {
    return prefix + "-" + queues.incrementAndGet();
  }

  int submit(Load.Timer timer, String queue) throws Exception {
    String body = job(queue).toString();
    timer.time(() -> api.post("/v1/jobs", submitterKey, body));
    return 1;
  }

  /** Submits one job untimed and answers its id. */
  String submitId(String queue) throws IOException, InterruptedException {
    return api.post("/v1/jobs", submitterKey, job(queue).toString()).path("id").asText();
  }

  int batch(Load.Timer timer, String queue, int size) throws Exception {
    String body = batchBody(queue, size);
    timer.time(() -> api.post("/v1/jobs/batch", submitterKey, body));
    return size;
  }

  /** Queues {@code jobs} jobs on {@code queue} in batches, untimed. */
  void prefill(String queue, int jobs) throws IOException, InterruptedException {
    for (int left = jobs; left > 0; left -= BATCH_LIMIT) {
      api.post("/v1/jobs/batch", submitterKey, batchBody(queue, Math.min(left, BATCH_LIMIT)));
    }
  }

  /** Claims up to {@code limit} jobs, long-polling up to {@code waitSeconds}. */
  List<JsonNode> claim(Load.Timer timer, String queue, String workerId, int limit, int waitSeconds)
      throws Exception {
    ObjectNode body = Api.JSON.createObjectNode();
    body.put("worker_id", workerId).put("limit", limit).put("wait_seconds", waitSeconds);
    String text = body.toString();
    JsonNode answer = timer.time(() -> api.post("/v1/queues/" + queue + "/claim", workerKey, text));
    List<JsonNode> jobs = new ArrayList<>();
    answer.path("jobs").forEach(jobs::add);
    return jobs;
  }

  void complete(Load.Timer timer, JsonNode job) throws Exception {
    ObjectNode body = Api.JSON.createObjectNode();
    body.put("lease_token", job.path("lease_token").asText());
    body.putObject("result").put("ok", true);
    String text = body.toString();
    timer.time(
        () -> api.post("/v1/jobs/" + job.path("id").asText() + "/complete", workerKey, text));
  }

  /** Claims and completes a round; the number completed. */
  int claimAndComplete(Load.Timer timer, String queue, String workerId, int limit, int wait)
      throws Exception {
    List<JsonNode> jobs = claim(timer, queue, workerId, limit, wait);
    for (JsonNode job : jobs) {
      complete(timer, job);
    }
    return jobs.size();
  }

  int me(Load.Timer timer) throws Exception {
    timer.time(() -> api.get("/v1/me", submitterKey));
    return 1;
  }

  int healthz(Load.Timer timer) throws Exception {
    timer.time(() -> api.get("/healthz", null));
    return 1;
  }

  private ObjectNode job(String queue) {
    ObjectNode job = Api.JSON.createObjectNode();
    job.put("kind", "bench").put("queue", queue);
    job.putObject("payload").put("n", sequence.incrementAndGet()).put("text", "a bench job");
    return job;
  }

  private String batchBody(String queue, int size) {
    ObjectNode body = Api.JSON.createObjectNode();
    ArrayNode jobs = body.putArray("jobs");
    for (int i = 0; i < size; i++) {
      jobs.add(job(queue));
    }
    return body.toString();
  }
}
