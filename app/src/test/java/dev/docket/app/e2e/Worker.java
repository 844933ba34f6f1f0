package dev.docket.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A worker process as it talks to the server: long-poll claim, heartbeats, log lines, artifacts,
 * complete or fail. Each call answers the server's reply so a test can also check refusals.
 */
final class Worker {
  private final Api api;
  private final String id;

  Worker(Api api, String id) {
    this.api = api;
    this.id = id;
  }

  String id() {
    return id;
  }

  Api api() {
    return api;
  }

  /** One long-poll claim of at most one job; empty when none became claimable in time. */
  Optional<JsonNode> claim(String queue, int waitSeconds, int leaseSeconds) {
    Reply r =
        Api.send(
            api.request("/v1/queues/" + queue + "/claim")
                // the server holds a long-poll for up to wait_seconds
                .timeout(Duration.ofSeconds(waitSeconds + 30L))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Api.write(
                            Map.of(
                                "worker_id", id,
                                "limit", 1,
                                "lease_seconds", leaseSeconds,
                                "wait_seconds", waitSeconds))))
                .build());
    assertThat(r.status()).as("claim %s", r).isEqualTo(200);
    JsonNode jobs = r.json().path("jobs");
    assertThat(jobs.size()).as("claim with limit 1: %s", r).isLessThanOrEqualTo(1);
    return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
  }

  /** Claims until a job comes or {@code patience} is over. */
  Optional<JsonNode> claimWithin(String queue, Duration patience, int leaseSeconds) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      long left = Duration.ofNanos(deadline - System.nanoTime()).toSeconds();
      Optional<JsonNode> job = claim(queue, (int) Math.max(1, Math.min(30, left)), leaseSeconds);
      if (job.isPresent()) {
        return job;
      }
    }
    return Optional.empty();
  }

  Reply heartbeat(JsonNode job, double progress) {
    return heartbeat(job, progress, null);
  }

  /** Without a lease length the server extends by its default (60 s), not by the claimed one. */
  Reply heartbeat(JsonNode job, double progress, Integer leaseSeconds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lease_token", token(job));
    body.put("progress", progress);
    if (leaseSeconds != null) {
      body.put("lease_seconds", leaseSeconds);
    }
    return api.post("/v1/jobs/" + jobId(job) + "/heartbeat", body);
  }

  Reply log(JsonNode job, String... lines) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : lines) {
      events.add(Map.of("type", "log", "data", line));
    }
    return api.post(
        "/v1/jobs/" + jobId(job) + "/events", Map.of("lease_token", token(job), "events", events));
  }

  Reply upload(JsonNode job, String name, String contentType, byte[] bytes) {
    return api.putArtifact(jobId(job), name, contentType, token(job), bytes);
  }

  Reply complete(JsonNode job, Object result) {
    return api.post(
        "/v1/jobs/" + jobId(job) + "/complete",
        Map.of("lease_token", token(job), "result", result));
  }

  Reply fail(JsonNode job, String error, boolean retryable) {
    return api.post(
        "/v1/jobs/" + jobId(job) + "/fail",
        Map.of("lease_token", token(job), "error", error, "retryable", retryable));
  }

  static String jobId(JsonNode job) {
    return job.path("id").asText();
  }

  private static String token(JsonNode job) {
    String token = job.path("lease_token").asText(null);
    assertThat(token).as("a claimed job carries its lease token: %s", job).isNotBlank();
    return token;
  }
}
