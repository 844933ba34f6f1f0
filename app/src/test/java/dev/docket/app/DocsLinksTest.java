package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Someone who clones Docket can follow every link of the README and of {@code docs/}: each relative
 * link names a file inside the repository.
 */
class DocsLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyRelativeLinkNamesAFileInTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> pages = markdownPages();
    assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/http-api.md"));
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String link = m.group(1);
        if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("#")) {
          continue;
        }
        Path target = page.getParent().resolve(link.replaceFirst("#.*", "")).normalize();
        if (!target.startsWith(ROOT) || !Files.exists(target)) {
          broken.add(ROOT.relativize(page) + ": " + link);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void noPagePointsOutsideTheRepository() throws IOException {
    for (Path page : markdownPages()) {
      assertThat(Files.readString(page)).as(page.toString()).doesNotContain("../shared");
    }
  }

  private static List<Path> markdownPages() throws IOException {
    List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }
}
