package dev.docket.app.output;

import dev.docket.domain.ApiKey;
import dev.docket.domain.Artifact;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.JobStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the data commands print with {@code --json}: the same field names as the HTTP API, so a
 * script can move between the two. Lease tokens and row versions never leave, as over HTTP.
 */
public final class Views {
  private Views() {}

  public static Map<String, Object> job(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("owner_id", j.ownerId());
    m.put("queue", j.queue());
    m.put("kind", j.kind());
    m.put("status", j.status().wire());
    m.put("payload", RawJson.of(j.payload()));
    m.put("metadata", RawJson.of(j.metadata()));
    m.put("result", RawJson.of(j.result()));
    m.put("error", j.error());
    m.put("priority", j.priority());
    m.put("attempt", j.attempt());
    m.put("max_attempts", j.maxAttempts());
    m.put("run_at", j.runAt());
    m.put("created_at", j.createdAt());
    m.put("updated_at", j.updatedAt());
    m.put("started_at", j.startedAt());
    m.put("finished_at", j.finishedAt());
    m.put("progress", j.progress());
    m.put("worker_id", j.workerId());
    m.put("lease_expires_at", j.leaseExpiresAt());
    m.put("idempotency_key", j.idempotencyKey());
    m.put("webhook_url", j.webhookUrl());
    m.put("event_count", j.eventCount());
    return m;
  }

  public static Map<String, Object> event(JobEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("type", e.type());
    m.put("data", RawJson.of(e.data()));
    m.put("at", e.at());
    return m;
  }

  public static Map<String, Object> artifact(Artifact a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("content_type", a.contentType());
    m.put("size", a.size());
    m.put("sha256", a.sha256());
    m.put("created_at", a.createdAt());
    return m;
  }

  public static Map<String, Object> user(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("name", u.name());
    m.put("email", u.email());
    m.put("roles", roles(u));
    m.put("active", u.active());
    m.put("created_at", u.createdAt());
    return m;
  }

  public static List<String> roles(User u) {
    return u.roles().stream().sorted().map(Role::wire).toList();
  }

  public static Map<String, Object> key(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("user_id", k.userId());
    m.put("name", k.name());
    m.put("key_prefix", k.keyPrefix());
    m.put("created_at", k.createdAt());
    m.put("last_used_at", k.lastUsedAt());
    m.put("expires_at", k.expiresAt());
    m.put("revoked_at", k.revokedAt());
    return m;
  }

  /** As {@code GET /v1/stats}: every status present, zero included. */
  public static Map<String, Object> stats(JobStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by_status", byStatus(s.byStatus()));
    Map<String, Object> queues = new LinkedHashMap<>();
    new TreeMap<>(s.byQueue()).forEach((q, counts) -> queues.put(q, byStatus(counts)));
    m.put("by_queue", queues);
    m.put("success_rate", s.successRate());
    m.put("avg_duration_seconds", s.avgDurationSeconds());
    m.put("p95_duration_seconds", s.p95DurationSeconds());
    return m;
  }

  public static Map<String, Long> byStatus(Map<JobStatus, Long> counts) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JobStatus st : JobStatus.values()) {
      m.put(st.wire(), counts.getOrDefault(st, 0L));
    }
    return m;
  }
}
