package dev.docket.app.multi;

import dev.docket.app.ChildJvm;
import dev.docket.app.Main;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code docket serve} in a JVM of its own, as one of several behind a load balancer. */
final class Instance implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Docket listening on (http://\\S+)");

  private final String name;
  private final ChildJvm jvm;
  private String base;

  private Instance(String name, ChildJvm jvm) {
    this.name = name;
    this.jvm = jvm;
  }

  /** Starts {@code serve --port 0} on {@code docketDb}; call {@link #awaitListening()} next. */
  static Instance start(Path dir, String name, String docketDb, String adminKey) throws Exception {
    ChildJvm jvm =
        ChildJvm.start(
            List.of("-Xmx256m"),
            Main.class,
            Map.of("DOCKET_DB", docketDb, "DOCKET_BOOTSTRAP_ADMIN_KEY", adminKey),
            dir.resolve(name + ".err"),
            "serve",
            "--port",
            "0");
    return new Instance(name, jvm);
  }

  /** Waits until the server listens; its base URL. */
  String awaitListening() throws Exception {
    String line = jvm.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(120));
    if (line == null) {
      throw new AssertionError(name + " did not start; stderr: " + jvm.stderr());
    }
    Matcher m = LISTENING.matcher(line);
    m.find();
    base = m.group(1);
    return base;
  }

  String base() {
    return base;
  }

  String name() {
    return name;
  }

  String stderr() {
    return jvm.stderr();
  }

  /** SIGKILL: no shutdown hook, no drain, leases left as they are. */
  void kill() throws InterruptedException {
    jvm.kill();
  }

  /** SIGTERM and wait for a clean exit; its exit code. */
  int stop() throws InterruptedException {
    jvm.process().destroy();
    if (!jvm.process().waitFor(60, TimeUnit.SECONDS)) {
      jvm.process().destroyForcibly();
      return -1;
    }
    return jvm.process().exitValue();
  }

  @Override
  public void close() {
    jvm.close();
  }
}
