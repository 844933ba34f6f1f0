package dev.docket.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's boundaries, checked on the sources of every module: the core imports no framework
 * or JDBC, adapters never import each other, and no driver type leaves an adapter.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> CORE_FORBIDDEN =
      List.of(
          "org.jooq",
          "java.sql",
          "javax.sql",
          "io.javalin",
          "com.fasterxml.jackson",
          "org.flywaydb",
          "com.zaxxer");

  @Test
  void domainAndPortsImportNoFrameworkOrJdbc() {
    List<String> offences = new ArrayList<>();
    for (String module : List.of("domain", "ports")) {
      offences.addAll(importsMatching(module + "/src/main/java", CORE_FORBIDDEN));
      offences.addAll(importsMatching(module + "/src/test/java", CORE_FORBIDDEN));
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void domainImportsOnlyTheJdk() {
    assertThat(
            importsNotStartingWith("domain/src/main/java", List.of("java.", "dev.docket.domain")))
        .isEmpty();
  }

  @Test
  void portsDependOnlyOnDomain() {
    assertThat(
            importsMatching("ports/src/main/java", List.of("dev.docket.adapter", "dev.docket.app")))
        .isEmpty();
  }

  @Test
  void adaptersNeverImportEachOther() {
    List<String> adapters = List.of("sqlite", "postgres", "http");
    List<String> offences = new ArrayList<>();
    for (String adapter : adapters) {
      List<String> others =
          adapters.stream()
              .filter(a -> !a.equals(adapter))
              .map(a -> "dev.docket.adapter." + a + ".")
              .toList();
      offences.addAll(importsMatching("adapter-" + adapter + "/src/main/java", others));
      offences.addAll(
          importsMatching("adapter-" + adapter + "/src/main/java", List.of("dev.docket.app")));
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void storeEntryPointsExposeNoDriverTypes() throws ClassNotFoundException {
    List<String> offences = new ArrayList<>();
    for (String name :
        List.of(
            "dev.docket.adapter.sqlite.SqliteStore", "dev.docket.adapter.postgres.PostgresStore")) {
      Class<?> type = Class.forName(name);
      for (Method m : type.getMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        Stream.concat(
                Stream.of(m.getReturnType()),
                Stream.concat(Stream.of(m.getParameterTypes()), Stream.of(m.getExceptionTypes())))
            .map(Class::getName)
            .filter(
                n ->
                    n.startsWith("org.jooq")
                        || n.startsWith("java.sql")
                        || n.startsWith("com.zaxxer"))
            .forEach(n -> offences.add(name + "#" + m.getName() + " exposes " + n));
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void theChecksSeeSources() {
    // Guards the checks above against passing because they read nothing.
    assertThat(javaFiles("domain/src/main/java")).hasSizeGreaterThan(10);
    assertThat(javaFiles("adapter-sqlite/src/main/java")).isNotEmpty();
    assertThat(javaFiles("adapter-http/src/main/java")).isNotEmpty();
    assertThat(importsMatching("adapter-sqlite/src/main/java", List.of("org.jooq"))).isNotEmpty();
  }

  private static List<String> importsMatching(String dir, List<String> prefixes) {
    return imports(dir).stream()
        .filter(i -> prefixes.stream().anyMatch(p -> i.split(" ")[1].startsWith(p)))
        .toList();
  }

  private static List<String> importsNotStartingWith(String dir, List<String> allowed) {
    return imports(dir).stream()
        .filter(i -> allowed.stream().noneMatch(p -> i.split(" ")[1].startsWith(p)))
        .toList();
  }

  /** "file import" pairs of every Java file below {@code dir}. */
  private static List<String> imports(String dir) {
    List<String> out = new ArrayList<>();
    for (Path file : javaFiles(dir)) {
      try {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          out.add(ROOT.relativize(file) + " " + m.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<Path> javaFiles(String dir) {
    Path base = ROOT.resolve(dir);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(base)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
