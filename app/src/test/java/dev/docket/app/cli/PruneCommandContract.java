package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Job;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docket prune} on a real store. */
abstract class PruneCommandContract extends StoreCase {
  private static final int OLD = 30;

  Actor alice;
  List<UUID> old;
  Job recent;
  Job queued;
  long oldEvents;

  @BeforeEach
  void jobs() throws Exception {
    alice = seed.user("alice", Role.SUBMITTER);
    Actor worker = seed.user("worker", Role.WORKER);
    old = Seed.oldFinishedJobs(store, alice.userId(), OLD, Duration.ofDays(40));
    store
        .artifacts()
        .put(
            old.get(0),
            "report.txt",
            "text/plain",
            new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
            j -> {});
    recent = seed.succeeded(alice, worker, "now");
    queued = seed.submit(alice, "now", "waiting");
    oldEvents =
        old.stream().mapToLong(id -> store.jobs().find(id).orElseThrow().eventCount()).sum();
  }

  @Test
  void dryRunCountsWhatWouldGoAndDeletesNothing() throws Exception {
    Cli text = docket("prune", "--older-than", "30d", "--dry-run");
    Cli json = docket("prune", "--older-than", "30d", "--dry-run", "--json");

    assertThat(text.exitCode()).as("%s", text).isZero();
    assertThat(text.out())
        .startsWith(
            "would delete "
                + OLD
                + " job(s), "
                + oldEvents
                + " event(s) and 1 artifact(s) of jobs finished before ");
    JsonNode j = json(json);
    assertThat(j.get("dry_run").asBoolean()).isTrue();
    assertThat(j.get("jobs").asLong()).isEqualTo(OLD);
    assertThat(j.get("events").asLong()).isEqualTo(oldEvents);
    assertThat(j.get("artifacts").asLong()).isEqualTo(1);
    assertThat(store.jobs().find(old.get(0))).isPresent();
    assertThat(audit("admin.prune")).isEmpty();
  }

  @Test
  void pruneDeletesOldTerminalJobsOnlyWithProgressLinesAndAnAuditEntry() throws Exception {
    Cli run = docket("prune", "--older-than", "30d", "--json");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode j = json(run);
    assertThat(j.get("dry_run").asBoolean()).isFalse();
    assertThat(j.get("jobs").asLong()).isEqualTo(OLD);
    assertThat(j.get("events").asLong()).isEqualTo(oldEvents);
    assertThat(j.get("artifacts").asLong()).isEqualTo(1);
    assertThat(old).allSatisfy(id -> assertThat(store.jobs().find(id)).isEmpty());
    assertThat(store.events().list(old.get(1), 0, 10)).isEmpty();
    assertThat(store.artifacts().list(old.get(0))).isEmpty();
    assertThat(store.jobs().find(recent.id())).isPresent();
    assertThat(store.jobs().find(queued.id())).isPresent();
    assertThat(run.errLines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("pruning: "));
    assertThat(run.errLines().get(run.errLines().size() - 1))
        .isEqualTo("pruning: " + OLD + " jobs (" + oldEvents + " events)");
    List<AuditEntry> entries = audit("admin.prune");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).actorId()).isEqualTo("cli");
    assertThat(entries.get(0).details()).contains("\"jobs\":" + OLD);
  }

  @Test
  void onATerminalTheProgressIsABarRedrawnInPlace() {
    Cli run = docket(Map.of("DOCKET_PROGRESS", "bar"), "prune", "--older-than", "30d");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("deleted " + OLD + " job(s)");
    assertThat(run.err())
        .startsWith("\rpruning [")
        .contains("] 100% " + OLD + "/" + OLD + " jobs")
        .endsWith("\n");
    assertThat(run.err().chars().filter(c -> c == '\n').count())
        .as("one line, redrawn with carriage returns")
        .isEqualTo(1);
  }

  @Test
  void nothingOldEnoughDeletesNothing() {
    Cli run = docket("prune", "--older-than", "60d");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("deleted 0 job(s), 0 event(s) and 0 artifact(s)");
    assertThat(store.jobs().find(old.get(0))).isPresent();
  }

  @Test
  void theAgeIsRequiredAndMustBeADuration() {
    Cli missing = docket("prune");
    Cli bad = docket("prune", "--older-than", "a month");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errLines()).hasSize(1);
    assertThat(missing.err()).contains("--older-than");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.errLines())
        .containsExactly(
            "docket: --older-than: must be seconds or a duration such as 90s, 15m, 12h, 30d, not"
                + " 'a month'");
    assertThat(store.jobs().find(old.get(0))).isPresent();
  }
}
