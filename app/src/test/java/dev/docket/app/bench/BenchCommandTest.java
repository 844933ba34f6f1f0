package dev.docket.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.app.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code docket bench} on a fresh SQLite file, with tiny durations: shape, not speed. */
class BenchCommandTest {
  private static final Map<String, String> ENV = Map.of("DOCKET_PROGRESS", "lines");

  @Test
  void quickRunReportsEveryScenarioWithThroughputAndARatioToItsCeiling() throws Exception {
    Run run = bench("bench", "--quick", "--duration", "300ms", "--warmup", "200ms", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    List<String> names = new ArrayList<>();
    for (JsonNode s : report.path("scenarios")) {
      names.add(s.path("name").asText());
      assertThat(s.path("ops_per_second").asDouble()).as(s.toString()).isPositive();
      assertThat(s.path("operations").asLong()).as(s.toString()).isPositive();
      assertThat(s.path("ratio").isNumber()).as(s.toString()).isTrue();
      assertThat(s.path("ratio").asDouble()).as(s.toString()).isPositive();
      assertThat(s.path("ceiling_ops_per_second").asDouble()).as(s.toString()).isPositive();
      assertThat(s.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(s.path("p50_ms").asDouble());
    }
    assertThat(names)
        .containsExactlyElementsOf(Scenarios.all().stream().map(Scenario::name).toList());
    assertThat(report.path("in_process").asBoolean()).isTrue();
    assertThat(report.path("repeat").asInt()).isEqualTo(1);
    assertThat(report.path("ceilings").size()).isPositive();
    assertThat(run.err()).contains("bench 1/").contains("warm-up");
  }

  @Test
  void tableShowsTheChosenScenariosAndTheirCeilings() {
    Run run =
        bench(
            "bench",
            "--scenarios",
            "me-read,submit-4",
            "--duration",
            "200ms",
            "--warmup",
            "0s",
            "--repeat",
            "2");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("median of 2")
        .contains("submit-4")
        .contains("raw insert x4")
        .contains("me-read")
        .contains("GET /healthz x16")
        .doesNotContain("submit-16");
  }

  @Test
  void anUnknownScenarioIsAUsageErrorThatNamesTheKnownOnes() {
    Run run = bench("bench", "--scenarios", "nope", "--quick");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no scenario nope").contains("submit-16");
  }

  @Test
  void urlWithoutAnAdminKeyIsAUsageError() {
    Run run = bench("bench", "--url", "http://127.0.0.1:9/", "--quick");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--url needs --key");
  }

  private static Run bench(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, out, err, ENV);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {}
}
