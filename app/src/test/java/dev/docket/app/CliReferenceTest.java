package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The command-line reference in {@code docs/cli} is generated from the real command tree (picocli's
 * ManPageGenerator, one AsciiDoc page per command), never written by hand: this test regenerates it
 * into {@code target/} and fails when the committed pages differ. {@code -Ddocket.docs.update=true}
 * writes the fresh pages into {@code docs/cli} instead.
 */
class CliReferenceTest {
  private static final Path COMMITTED = Path.of("..", "docs", "cli").toAbsolutePath().normalize();
  private static final Path GENERATED = Path.of("target", "docs", "cli").toAbsolutePath();
  private static final String REGENERATE =
      "docs/cli is out of date with the commands; regenerate it with\n"
          + "  ./mvnw -pl app -am verify -Dtest=CliReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocket.docs.update=true\n"
          + "and commit the result";

  @Test
  void committedReferenceIsWhatTheCommandTreeGenerates() throws IOException {
    Map<String, String> fresh = generate(GENERATED);
    if (Boolean.getBoolean("docket.docs.update")) {
      replaceCommitted(fresh);
    }
    assertThat(pages(COMMITTED)).as(REGENERATE).isEqualTo(fresh);
  }

  @Test
  void everyCommandHasAPage() throws IOException {
    Map<String, String> fresh = generate(GENERATED);
    assertThat(fresh)
        .containsKeys(
            "docket.adoc",
            "docket-serve.adoc",
            "docket-jobs-list.adoc",
            "docket-db-backup.adoc",
            "docket-copy.adoc");
    assertThat(fresh.get("docket-jobs-list.adoc")).contains("--status");
  }

  /** The whole tree, as {@link Main} builds it: the top command with every registered family. */
  private static CommandLine commandTree() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    CliContext context = new CliContext(Map.of(), sink, sink);
    return Main.commandLine(context, new ErrorReporter(context));
  }

  private static Map<String, String> generate(Path dir) throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir);
    int code =
        ManPageGenerator.generateManPage(
            dir.toFile(), null, new boolean[0], true, commandTree().getCommandSpec());
    assertThat(code).isZero();
    return pages(dir);
  }

  /** File name to content, without the generation date, which would change every day. */
  private static Map<String, String> pages(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        out.put(
            f.getFileName().toString(), Files.readString(f).replaceAll("(?m)^:revdate:.*\\R", ""));
      }
    }
    return out;
  }

  private static void replaceCommitted(Map<String, String> fresh) throws IOException {
    deleteTree(COMMITTED);
    Files.createDirectories(COMMITTED);
    for (Map.Entry<String, String> page : fresh.entrySet()) {
      Files.writeString(COMMITTED.resolve(page.getKey()), page.getValue());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
