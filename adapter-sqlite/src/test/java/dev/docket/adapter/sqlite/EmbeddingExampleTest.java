package dev.docket.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.User;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.Docket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of {@code docs/embedding.md}, compiled and run: domain + ports + the SQLite adapter,
 * no HTTP. The guide's code block is the region between the markers below, character for character,
 * so the two cannot drift.
 */
class EmbeddingExampleTest {
  private static final Path SOURCE =
      Path.of("src/test/java/dev/docket/adapter/sqlite/EmbeddingExampleTest.java");
  private static final Path GUIDE = Path.of("..", "docs", "embedding.md");

  @Test
  void theExampleRunsAJobToSuccess(@TempDir Path dir) throws InterruptedException {
    // docs:embedding:begin
    try (Store store = SqliteStore.open(dir.resolve("docket.db"))) {
      Docket docket = Docket.create(store);
      Actor admin = Actor.system("setup"); // admin powers, audited as "setup"
      User user =
          docket.users().create(admin, "my-app", "app@example.com", List.of("submitter", "worker"));
      Actor app = Actor.of(user, null); // jobs are owned by a user

      JobSpec build =
          new JobSpec(
              "build", "linux", "{\"sha\":\"4f2a9c1\"}", null, null, null, null, null, null);
      Job submitted = docket.jobs().submit(app, build).job();

      ClaimRequest claim = new ClaimRequest("linux", "builder-1", 1, 60, null, null, 0);
      List<Job> claimed = docket.workers().claim(app, claim);
      Job running = claimed.get(0);
      docket.workers().complete(app, running.id(), running.leaseToken(), "{\"ok\":true}");

      Job done = docket.jobs().get(app, submitted.id());
      assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(done.result()).isEqualTo("{\"ok\":true}");
    }
    // docs:embedding:end
  }

  @Test
  void theGuideShowsExactlyThisExample() throws IOException {
    assertThat(javaBlock(Files.readString(GUIDE)))
        .as("the java block of docs/embedding.md is the marked region of " + SOURCE)
        .isEqualTo(markedRegion(Files.readString(SOURCE)));
  }

  /** The lines between the markers, with the test method's indentation removed. */
  private static String markedRegion(String source) {
    Matcher m =
        Pattern.compile(
                "// docs:embedding:begin\\R(.*?)^\\s*// docs:embedding:end",
                Pattern.DOTALL | Pattern.MULTILINE)
            .matcher(source);
    assertThat(m.find()).as("markers in " + SOURCE).isTrue();
    return dedent(m.group(1));
  }

  private static String javaBlock(String guide) {
    Matcher m =
        Pattern.compile("```java\\R(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE).matcher(guide);
    assertThat(m.find()).as("a ```java block in " + GUIDE).isTrue();
    return dedent(m.group(1));
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
