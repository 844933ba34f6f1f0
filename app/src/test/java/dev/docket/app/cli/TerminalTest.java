package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.app.Main;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code docket} does on a real terminal: {@code script} (util-linux) runs it on a
 * pseudo-terminal, so {@code System.console()} is a terminal as it is for a person.
 */
class TerminalTest extends StoreCase {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }

  private Path file() {
    return ((SqliteBackend) backend).file();
  }

  /** Runs docket on a pseudo-terminal, typing {@code input}; answers exit code and all output. */
  private Result onTerminal(String input, String... args) throws Exception {
    List<String> java = new ArrayList<>();
    java.add(ProcessHandle.current().info().command().orElse("java"));
    java.add("--enable-native-access=ALL-UNNAMED");
    java.add("-cp");
    java.add(System.getProperty("java.class.path"));
    java.add(Main.class.getName());
    java.add("--db");
    java.add(db);
    java.addAll(List.of(args));
    StringBuilder command = new StringBuilder();
    for (String a : java) {
      command.append('\'').append(a.replace("'", "'\\''")).append("' ");
    }
    Process p =
        new ProcessBuilder("script", "-qec", command.toString(), "/dev/null")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  record Result(int exitCode, String output) {}

  @Test
  void resetAsksAndAnythingButYesCancels() throws Exception {
    seed.user("alice", Role.SUBMITTER);
    store.close();
    store = null;

    Result no = onTerminal("no\n", "db", "reset");

    assertThat(no.exitCode()).as(no.output()).isEqualTo(1);
    assertThat(no.output())
        .contains("This deletes every job, user and key in " + file() + ". Type yes to go on:")
        .contains("docket: reset cancelled; nothing was deleted");
    assertThat(file()).exists();

    Result yes = onTerminal("yes\n", "db", "reset");

    assertThat(yes.exitCode()).as(yes.output()).isZero();
    assertThat(yes.output()).contains("reset " + file() + ": deleted the database file");
    assertThat(file()).doesNotExist();
  }

  @Test
  void pruneDrawsABarOnATerminal() throws Exception {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    Seed.oldFinishedJobs(store, alice.userId(), 300, Duration.ofDays(40));

    Result run = onTerminal("", "prune", "--older-than", "30d");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("\rpruning [")
        .contains("100% 300/300 jobs")
        .contains("deleted 300 job(s)");
    assertThat(run.output()).doesNotContain("pruning: ");
  }
}
