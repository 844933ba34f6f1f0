package dev.docket.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.app.ChildJvm;
import dev.docket.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docket serve --port 0 --db sqlite:FILE} in a JVM of its own, with a preset admin key, as
 * an operator would run it in front of CI.
 */
final class DocketServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Docket listening on (http://\\S+)");

  private final ChildJvm jvm;
  private final String base;

  private DocketServer(ChildJvm jvm, String base) {
    this.jvm = jvm;
    this.base = base;
  }

  /** Starts the server and waits until it listens; {@code name} names its stderr file. */
  static DocketServer start(
      Path dir, Path db, String adminKey, String name, List<String> jvmOptions) throws Exception {
    ChildJvm jvm =
        ChildJvm.start(
            jvmOptions,
            Main.class,
            Map.of("DOCKET_BOOTSTRAP_ADMIN_KEY", adminKey),
            dir.resolve(name + ".err"),
            "serve",
            "--port",
            "0",
            "--db",
            "sqlite:" + db);
    String line = jvm.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(90));
    if (line == null) {
      jvm.close();
      throw new AssertionError("server did not start; stderr: " + jvm.stderr());
    }
    Matcher m = LISTENING.matcher(line);
    assertThat(m.find()).isTrue();
    return new DocketServer(jvm, m.group(1));
  }

  String base() {
    return base;
  }

  boolean alive() {
    return jvm.process().isAlive();
  }

  /**
   * The server JVM's command line, as the operating system reports it. Linux's {@code /proc} first:
   * {@link ProcessHandle.Info#arguments()} comes back empty there for a command line as long as a
   * test classpath.
   */
  List<String> commandLine() throws IOException {
    Path proc = Path.of("/proc", String.valueOf(jvm.process().pid()), "cmdline");
    if (Files.isReadable(proc)) {
      return List.of(Files.readString(proc, StandardCharsets.UTF_8).split("\0"));
    }
    return List.of(jvm.process().info().arguments().orElse(new String[0]));
  }

  String stderr() {
    return jvm.stderr();
  }

  /** SIGTERM, as a service manager stops it; the exit code. */
  int stop() throws InterruptedException {
    jvm.process().destroy();
    return jvm.await(Duration.ofSeconds(60));
  }

  @Override
  public void close() {
    jvm.close();
  }
}
