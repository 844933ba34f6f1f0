package dev.docket.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM on this test's classpath, running one main class. Its standard output is collected
 * line by line; a line cut off by a kill (no newline yet) is not counted, since the child had not
 * finished reporting it. Standard error goes to a file for diagnosis.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private final Path stderr;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = Thread.ofPlatform().daemon().name("child-stdout").start(this::readLines);
  }

  public static ChildJvm start(Class<?> main, Map<String, String> env, Path stderr, String... args)
      throws IOException {
    return start(List.of(), main, env, stderr, args);
  }

  /** As above, with options for the child JVM itself (e.g. {@code -Xmx128m}). */
  public static ChildJvm start(
      List<String> jvmOptions, Class<?> main, Map<String, String> env, Path stderr, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectError(stderr.toFile());
    return new ChildJvm(pb.start(), stderr);
  }

  private void readLines() {
    try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          lines.add(line.toString());
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
    } catch (IOException e) {
      // the pipe closes when the child dies
    }
  }

  public Process process() {
    return process;
  }

  /** Complete lines so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits for a complete line that matches; null on timeout or when the child ended first. */
  public String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      List<String> now = lines();
      for (int i = seen; i < now.size(); i++) {
        if (matches.test(now.get(i))) {
          return now.get(i);
        }
      }
      seen = now.size();
      if (!process.isAlive() && !reader.isAlive()) {
        return null;
      }
      Thread.sleep(10);
    }
    return null;
  }

  /** SIGKILL, then every line the child got out before it died. */
  public List<String> kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
    return lines();
  }

  /** Waits for the child to exit and its output to be read; its exit code. */
  public int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not exit within " + timeout + "; stderr: " + stderr());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  public String stderr() {
    try {
      return java.nio.file.Files.readString(stderr);
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
