package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.app.Main;
import dev.docket.domain.AuditEntry;
import dev.docket.domain.Job;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --retention} / {@code DOCKET_RETENTION}: old terminal jobs go on a schedule. */
class RetentionServeTest extends StoreCase {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }

  private Process serve(Map<String, String> env, String... extra) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("serve");
    command.add("--port");
    command.add("0");
    command.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("DOCKET_DB", db);
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("serve.out").toFile());
    pb.redirectError(dir.resolve("serve.err").toFile());
    return pb.start();
  }

  private void awaitGone(UUID id, Process server) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (store.jobs().find(id).isPresent()) {
      assertThat(server.isAlive())
          .as("server alive; stderr: %s", Files.readString(dir.resolve("serve.err")))
          .isTrue();
      assertThat(Instant.now()).as("pruned within a minute").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private static void stop(Process server) throws Exception {
    server.destroy();
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  @Test
  void docketRetentionPrunesOldTerminalJobsSoonAfterStart() throws Exception {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    Actor worker = seed.user("worker", Role.WORKER);
    List<UUID> old = Seed.oldFinishedJobs(store, alice.userId(), 250, Duration.ofDays(40));
    Job recent = seed.succeeded(alice, worker, "now");
    Job queued = seed.submit(alice, "now", "waiting");

    Process server = serve(Map.of("DOCKET_RETENTION", "30d"));
    try {
      awaitGone(old.get(old.size() - 1), server);
      awaitGone(old.get(0), server);
    } finally {
      stop(server);
    }

    assertThat(old).allSatisfy(id -> assertThat(store.jobs().find(id)).isEmpty());
    assertThat(store.jobs().find(recent.id())).isPresent();
    assertThat(store.jobs().find(queued.id())).isPresent();
    List<AuditEntry> entries = audit("admin.prune");
    assertThat(entries).isNotEmpty();
    assertThat(entries.get(entries.size() - 1).actorId()).isEqualTo("retention");
    assertThat(entries).anySatisfy(e -> assertThat(e.details()).contains("\"jobs\":250"));
  }

  @Test
  void theRetentionOptionWinsOverTheEnvironment() throws Exception {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    List<UUID> old = Seed.oldFinishedJobs(store, alice.userId(), 10, Duration.ofDays(3));

    Process server = serve(Map.of("DOCKET_RETENTION", "30d"), "--retention", "2d");
    try {
      awaitGone(old.get(0), server);
    } finally {
      stop(server);
    }

    assertThat(old).allSatisfy(id -> assertThat(store.jobs().find(id)).isEmpty());
  }

  @Test
  void aBadRetentionIsAUsageErrorBeforeTheServerStarts() {
    Cli option = docket("serve", "--port", "0", "--retention", "forever");
    Cli env = docket(Map.of("DOCKET_RETENTION", "0"), "serve", "--port", "0");

    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.errLines())
        .containsExactly(
            "docket: --retention: must be seconds or a duration such as 90s, 15m, 12h, 30d, not"
                + " 'forever'");
    assertThat(option.out()).doesNotContain("listening");
    assertThat(env.exitCode()).isEqualTo(2);
    assertThat(env.errLines())
        .containsExactly(
            "docket: DOCKET_RETENTION must be longer than 0 (leave it out to keep every job)");
  }
}
