package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docket jobs …} on a real store, run by a backend subclass. */
abstract class JobsCommandsContract extends StoreCase {
  Actor alice;
  Actor bob;
  Actor worker;

  @BeforeEach
  void users() {
    alice = seed.user("alice", Role.SUBMITTER);
    bob = seed.user("bob", Role.SUBMITTER);
    worker = seed.user("worker", Role.WORKER);
  }

  private static List<String> ids(JsonNode jobs) {
    List<String> out = new ArrayList<>();
    jobs.forEach(j -> out.add(j.get("id").asText()));
    return out;
  }

  @Test
  void listShowsJobsNewestFirstAsATableAndAsJson() throws Exception {
    Job first = seed.submit(alice, "mail", "send");
    Job second = seed.submit(bob, "pdf", "render");

    Cli table = docket("jobs", "list");
    Cli json = docket("jobs", "list", "--json");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.outLines().get(0)).startsWith("ID").contains("STATUS", "QUEUE", "KIND");
    assertThat(table.outLines()).hasSize(3);
    assertThat(table.outLines().get(1)).startsWith(second.id().toString()).contains("queued");
    assertThat(table.outLines().get(2)).startsWith(first.id().toString());
    assertThat(json.exitCode()).as("%s", json).isZero();
    JsonNode jobs = json(json).get("jobs");
    assertThat(ids(jobs)).containsExactly(second.id().toString(), first.id().toString());
    assertThat(jobs.get(0).get("status").asText()).isEqualTo("queued");
    assertThat(jobs.get(0).get("payload").get("n").asInt()).isEqualTo(1);
    assertThat(jobs.get(0).has("lease_token")).isFalse();
  }

  @Test
  void listFiltersByStatusQueueOwnerSinceAndLimit() throws Exception {
    Job mail = seed.submit(alice, "mail", "send");
    seed.submit(bob, "pdf", "render");
    Job done = seed.succeeded(alice, worker, "done");
    Thread.sleep(20);
    String afterDone = java.time.Instant.now().toString();
    Thread.sleep(20);
    Job latest = seed.submit(bob, "mail", "send");

    assertThat(ids(json(docket("jobs", "list", "--json", "--status", "succeeded")).get("jobs")))
        .containsExactly(done.id().toString());
    assertThat(
            ids(json(docket("jobs", "list", "--json", "--status", "succeeded,queued")).get("jobs")))
        .hasSize(4);
    assertThat(ids(json(docket("jobs", "list", "--json", "--queue", "mail")).get("jobs")))
        .containsExactly(latest.id().toString(), mail.id().toString());
    assertThat(
            ids(
                json(docket("jobs", "list", "--json", "--owner", alice.userId().toString()))
                    .get("jobs")))
        .containsExactly(done.id().toString(), mail.id().toString());
    assertThat(ids(json(docket("jobs", "list", "--json", "--since", afterDone)).get("jobs")))
        .containsExactly(latest.id().toString());
    assertThat(ids(json(docket("jobs", "list", "--json", "--since", "1h")).get("jobs"))).hasSize(4);
    assertThat(ids(json(docket("jobs", "list", "--json", "--limit", "2")).get("jobs")))
        .hasSize(2)
        .first()
        .isEqualTo(latest.id().toString());
  }

  @Test
  void listPagesThroughMoreJobsThanOnePage() throws Exception {
    for (int i = 0; i < 12; i++) {
      seed.docket()
          .jobs()
          .submitBatch(
              alice,
              java.util.Collections.nCopies(
                  60,
                  new dev.docket.domain.JobSpec(
                      "bulk", "bulk", null, null, null, null, 1, null, null)));
    }

    Cli run = docket("jobs", "list", "--json", "--limit", "700");

    List<String> ids = ids(json(run).get("jobs"));
    assertThat(ids).hasSize(700).doesNotHaveDuplicates();
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertThat(ids).isEqualTo(sorted);
  }

  @Test
  void badFilterValuesAreUsageErrorsOnOneLine() {
    Cli status = docket("jobs", "list", "--status", "sleeping");
    Cli owner = docket("jobs", "list", "--owner", "nobody");
    Cli since = docket("jobs", "list", "--since", "yesterday");
    Cli limit = docket("jobs", "list", "--limit", "0");

    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.errLines()).containsExactly("docket: --status: unknown status 'sleeping'");
    assertThat(owner.exitCode()).isEqualTo(2);
    assertThat(owner.errLines()).containsExactly("docket: --owner: not a valid id");
    assertThat(since.exitCode()).isEqualTo(2);
    assertThat(since.errLines()).hasSize(1);
    assertThat(since.err()).startsWith("docket: --since: must be an RFC 3339 time");
    assertThat(limit.exitCode()).isEqualTo(2);
    assertThat(limit.errLines()).containsExactly("docket: --limit: must be between 1 and 100000");
  }

  @Test
  void showPrintsOneJobAndWithEventsItsLog() throws Exception {
    Job done = seed.succeeded(alice, worker, "mail");

    Cli table = docket("jobs", "show", done.id().toString(), "--events");
    Cli json = docket("jobs", "show", done.id().toString(), "--events", "--json");
    Cli plain = docket("jobs", "show", done.id().toString(), "--json");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.out())
        .contains("id               " + done.id())
        .contains("status           succeeded")
        .contains("result           {\"ok\":true}")
        .contains("SEQ")
        .contains("status");
    JsonNode j = json(json);
    assertThat(j.get("id").asText()).isEqualTo(done.id().toString());
    assertThat(j.get("result").get("ok").asBoolean()).isTrue();
    assertThat(j.get("events")).hasSize((int) done.eventCount());
    assertThat(j.get("events").get(0).get("seq").asLong()).isZero();
    assertThat(j.get("events").get(0).get("type").asText()).isEqualTo("status");
    assertThat(j.get("artifacts")).isEmpty();
    assertThat(json(plain).has("events")).isFalse();
  }

  @Test
  void showListsTheJobsWebhookDeliveries() throws Exception {
    Job job =
        seed.docket()
            .jobs()
            .submit(
                alice,
                new dev.docket.domain.JobSpec(
                    "send",
                    "mail",
                    "{}",
                    null,
                    null,
                    null,
                    1,
                    null,
                    "https://hooks.example.invalid/ci"))
            .job();

    Cli table = docket("jobs", "show", job.id().toString());
    Cli json = docket("jobs", "show", job.id().toString(), "--json");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.out()).contains("webhooks").contains("pending");
    JsonNode hooks = json(json).get("webhooks");
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).get("event").asText()).isEqualTo("job.status");
    assertThat(hooks.get(0).get("status").asText()).isEqualTo("pending");
    assertThat(hooks.get(0).get("attempts").asInt()).isZero();
  }

  @Test
  void showOfAnUnknownJobFailsOnOneLine() {
    String id = "01890000-0000-7000-8000-000000000000";

    Cli run = docket("jobs", "show", id);
    Cli bad = docket("jobs", "show", "42");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("docket: job " + id + " not found");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.errLines()).containsExactly("docket: ID: not a valid id");
  }

  @Test
  void runningShowsProgressWorkerAndLease() throws Exception {
    Job running = seed.running(alice, worker, "video", 42.5);
    seed.submit(alice, "video", "waiting");

    Cli table = docket("jobs", "running");
    Cli json = docket("jobs", "running", "--json");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.outLines()).hasSize(2);
    assertThat(table.outLines().get(0)).contains("PROGRESS", "WORKER", "LEASE EXPIRES");
    assertThat(table.outLines().get(1))
        .startsWith(running.id().toString())
        .contains("42.5%")
        .contains("w-video")
        .contains(running.leaseExpiresAt().toString())
        .containsPattern("\\(in \\d+m \\d+s\\)|\\(in \\d+s\\)");
    JsonNode jobs = json(json).get("jobs");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).get("progress").asDouble()).isEqualTo(42.5);
    assertThat(jobs.get(0).get("worker_id").asText()).isEqualTo("w-video");
    assertThat(jobs.get(0).get("lease_expires_at").asText())
        .isEqualTo(running.leaseExpiresAt().toString());
  }

  @Test
  void failedShowsRecentFailuresWithTheirError() throws Exception {
    Job older = seed.failed(alice, worker, "a", "disk full");
    seed.succeeded(alice, worker, "b");
    Job newer = seed.failed(bob, worker, "c", "timeout\ncalling upstream");

    Cli table = docket("jobs", "failed");
    Cli json = docket("jobs", "failed", "--json", "--limit", "1");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.outLines()).hasSize(3);
    assertThat(table.outLines().get(1))
        .startsWith(newer.id().toString())
        .endsWith("timeout calling upstream");
    assertThat(table.outLines().get(2)).startsWith(older.id().toString()).endsWith("disk full");
    JsonNode jobs = json(json).get("jobs");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).get("error").asText()).isEqualTo("timeout\ncalling upstream");
  }

  @Test
  void statsCountsByStatusAndQueueWithRatesAndDurations() throws Exception {
    seed.succeeded(alice, worker, "a");
    seed.succeeded(alice, worker, "a");
    seed.failed(alice, worker, "b", "no");
    seed.submit(alice, "b", "later");

    Cli table = docket("jobs", "stats");
    Cli json = docket("jobs", "stats", "--json");
    Cli queue = docket("jobs", "stats", "--json", "--queue", "a");

    assertThat(table.exitCode()).as("%s", table).isZero();
    assertThat(table.out()).contains("success rate   66.7%").contains("p95 duration");
    assertThat(table.outLines())
        .anySatisfy(l -> assertThat(l).matches("\\(all\\)\\s+1\\s+0\\s+2\\s+1\\s+0"));
    JsonNode s = json(json);
    assertThat(s.get("by_status").get("succeeded").asLong()).isEqualTo(2);
    assertThat(s.get("by_status").get("failed").asLong()).isEqualTo(1);
    assertThat(s.get("by_status").get("queued").asLong()).isEqualTo(1);
    assertThat(s.get("by_status").get("cancelled").asLong()).isZero();
    assertThat(s.get("by_queue").get("b").get("queued").asLong()).isEqualTo(1);
    assertThat(s.get("success_rate").asDouble()).isBetween(0.66, 0.67);
    assertThat(s.get("avg_duration_seconds").isNumber()).isTrue();
    assertThat(json(queue).get("by_status").get("succeeded").asLong()).isEqualTo(2);
    assertThat(json(queue).get("success_rate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void cancelCancelsAndIsAuditedAsCli() throws Exception {
    Job queued = seed.submit(alice, "mail", "send");

    Cli run = docket("jobs", "cancel", queued.id().toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .isEqualTo("cancelled job " + queued.id() + " (was queued, now cancelled)\n");
    assertThat(store.jobs().find(queued.id()).orElseThrow().status())
        .isEqualTo(JobStatus.CANCELLED);
    List<AuditEntry> entries = audit("job.cancel");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
    assertThat(entries.get(0).resourceId()).isEqualTo(queued.id().toString());
    assertThat(entries.get(0).details()).contains("\"from\":\"queued\"");
  }

  @Test
  void retryQueuesAFailedJobAgainAndIsAuditedAsCli() throws Exception {
    Job failed = seed.failed(alice, worker, "mail", "boom");

    Cli run = docket("jobs", "retry", failed.id().toString(), "--json");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode j = json(run);
    assertThat(j.get("status").asText()).isEqualTo("queued");
    assertThat(j.get("attempt").asInt()).isZero();
    assertThat(store.jobs().find(failed.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    List<AuditEntry> entries = audit("job.retry");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
    assertThat(entries.get(0).details()).contains("\"from\":\"failed\"", "\"to\":\"queued\"");
  }

  @Test
  void cancellingAFinishedJobFailsAndChangesNothing() throws Exception {
    Job done = seed.succeeded(alice, worker, "mail");

    Cli run = docket("jobs", "cancel", done.id().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("docket: ").contains("succeeded");
    assertThat(store.jobs().find(done.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(audit("job.cancel")).isEmpty();
  }
}
