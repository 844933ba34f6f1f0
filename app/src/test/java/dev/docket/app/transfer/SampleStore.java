package dev.docket.app.transfer;

import dev.docket.domain.ApiKey;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.EventDraft;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Json;
import dev.docket.domain.Lease;
import dev.docket.domain.Role;
import dev.docket.domain.Transition;
import dev.docket.domain.User;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.NewJob;
import dev.docket.ports.Store;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.TransferRecord.AuditRow;
import dev.docket.ports.transfer.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fills a store the way a service in use would: users and keys, jobs in every status (some with
 * webhooks, idempotency keys, odd JSON), their events, artifacts (one big), audit entries.
 */
final class SampleStore {
  static final long BIG_SEED = 7;
  static final String BIG_NAME = "image.bin";

  /** The job that holds the big artifact. */
  final UUID bigJob;

  private SampleStore(UUID bigJob) {
    this.bigJob = bigJob;
  }

  static SampleStore fill(Store store, int jobs, long bigArtifactBytes) throws IOException {
    Instant t0 = Instant.parse("2025-01-02T03:04:05.678Z");
    User admin = new User(Ids.newId(), "Ädmin", "admin@example.test", Set.of(Role.ADMIN), true, t0);
    User worker =
        new User(
            Ids.newId(), "Worker", "w@example.test", Set.of(Role.WORKER, Role.SUBMITTER), true, t0);
    User gone =
        new User(Ids.newId(), "Gone", "gone@example.test", Set.of(), true, t0).deactivated();
    for (User u : List.of(admin, worker, gone)) {
      store.users().insert(u);
    }
    store
        .keys()
        .insert(new ApiKey(Ids.newId(), admin.id(), "ci", "hash-1", "dk_1", t0, t0, null, null));
    store
        .keys()
        .insert(
            new ApiKey(
                Ids.newId(), gone.id(), "old", "hash-2", "dk_2", t0, null, t0, t0.plusMillis(1)));

    List<NewJob> batch = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      JobSpec spec =
          new JobSpec(
              "kind-" + (i % 3),
              "q" + (i % 4),
              "{ \"n\": " + i + ", \"s\": \"é\\n\" }",
              i % 2 == 0 ? null : "{\"tag\":  \"x\"}",
              i % 5,
              null,
              null,
              i % 7 == 0 ? "idem-" + i : null,
              i % 6 == 0 ? "https://hooks.example.test/" + i : null);
      Transition t = Job.create(Ids.newId(t0.plusMillis(i)), admin.id(), spec, t0.plusMillis(i));
      batch.add(new NewJob(t, i % 7 == 0 ? "req-" + i : null));
    }
    List<Job> stored = store.jobs().insert(batch);
    UUID big = null;
    for (int q = 0; q < 4 && q < stored.size(); q++) {
      Job done = run(store, worker, "q" + q);
      if (q == 0) {
        big = done.id();
      }
    }
    if (big == null) {
      throw new IllegalArgumentException("need at least one job");
    }
    store
        .artifacts()
        .put(
            big,
            BIG_NAME,
            "application/octet-stream",
            new GeneratedBytes(BIG_SEED, bigArtifactBytes),
            j -> {});
    store.artifacts().put(big, "notes.txt", "text/plain", text("line one\nline two ✓\n"), j -> {});
    for (int i = 0; i < 5; i++) {
      store
          .audit()
          .append(
              new AuditEntry(
                  Ids.newId(),
                  t0.plusSeconds(i),
                  i % 2 == 0 ? "cli" : null,
                  "job.submit",
                  "job",
                  stored.get(i % stored.size()).id().toString(),
                  "{\"n\": " + i + "}",
                  i % 2 == 0 ? null : "10.0.0." + i));
    }
    try {
      store.webhooks().signingSecret("whsec_sample_" + "0123456789abcdef");
    } catch (UnsupportedOperationException e) {
      // a store without webhooks keeps no secret
    }
    return new SampleStore(big);
  }

  /** Claims the next job of {@code queue}, logs, and completes, fails or cancels it. */
  private static Job run(Store store, User worker, String queue) {
    Job claimed =
        store
            .jobs()
            .claim(
                new ClaimQuery(queue, 1, null, null),
                (job, now) ->
                    job.claim(worker.id(), "w-" + queue, Lease.newToken(), now, Lease.DEFAULT))
            .get(0);
    String token = claimed.leaseToken();
    store
        .jobs()
        .update(
            claimed.id(),
            (job, now) ->
                job.append(
                    token,
                    now,
                    List.of(
                        new EventDraft("log", "{\"message\": " + Json.quote("tab\tquote\"") + "}"),
                        new EventDraft("progress", "0.5"))));
    return switch (queue) {
      case "q1" ->
          store
              .jobs()
              .update(
                  claimed.id(), (job, now) -> job.fail(token, now, "exit 3", false, Duration.ZERO))
              .job();
      case "q2" -> store.jobs().update(claimed.id(), (job, now) -> job.cancel(now)).job();
      default ->
          store
              .jobs()
              .update(claimed.id(), (job, now) -> job.complete(token, now, "{\"ok\": true}"))
              .job();
    };
  }

  /** Adds {@code count} audit entries in big batches (fast), for tests that need many records. */
  static void addAuditEntries(Store store, int count) {
    Instant t = Instant.parse("2025-02-01T00:00:00Z");
    try (RecordWriter w = store.transfer().writer(WriteOptions.defaults())) {
      for (int i = 0; i < count; i++) {
        w.write(
            new AuditRow(
                new AuditEntry(
                    Ids.newId(t), t.plusMillis(i), "cli", "bulk.add", "job", null, "{}", null)));
      }
    }
  }

  private static ByteArrayInputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
