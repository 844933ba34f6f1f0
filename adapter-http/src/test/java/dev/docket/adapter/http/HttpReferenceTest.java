package dev.docket.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The user's reference {@code docs/http-api.md} names every route of {@code openapi.json} in a
 * heading of its own, and no other; {@link OpenApiRoutesTest} ties {@code openapi.json} to the
 * routes the server registers, so the three stay in step.
 */
class HttpReferenceTest {
  private static final Path REFERENCE =
      Path.of("..", "docs", "http-api.md").toAbsolutePath().normalize();
  private static final String OPENAPI = "dev/docket/adapter/http/openapi.json";
  private static final Pattern ROUTE_HEADING =
      Pattern.compile("^### `([A-Z]+) (/\\S*)`\\s*$", Pattern.MULTILINE);

  @Test
  void everyRouteInTheReferenceIsInOpenApiAndEveryOperationHasASection() throws IOException {
    assertThat(headings()).hasSizeGreaterThan(30).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(headings())).isEqualTo(operations());
  }

  @Test
  void theReferenceLeavesOutRoutesNotBuiltYet() throws IOException {
    // The contract's additions in 0.2 are not served: documenting them would send users to 404s.
    assertThat(Files.readString(REFERENCE))
        .doesNotContain("/v1/schedules", "/v1/sessions", "/ui/", "`waiting`");
  }

  /** "METHOD /path" of every "### `METHOD /path`" heading, in order of appearance. */
  private static List<String> headings() throws IOException {
    List<String> out = new ArrayList<>();
    Matcher m = ROUTE_HEADING.matcher(Files.readString(REFERENCE));
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2));
    }
    return out;
  }

  private static Set<String> operations() throws IOException {
    JsonNode doc;
    try (InputStream in = HttpReferenceTest.class.getClassLoader().getResourceAsStream(OPENAPI)) {
      assertThat(in).as(OPENAPI + " on the classpath").isNotNull();
      doc = new ObjectMapper().readTree(in);
    }
    Set<String> out = new TreeSet<>();
    OpenApiRoutesTest.forEachOperation(doc, (key, op) -> out.add(key));
    return out;
  }
}
