package dev.docket.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.app.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docket bench --db jdbc:postgresql:…} on a real PostgreSQL ({@code
 * DOCKET_TEST_POSTGRES_URL}, else the local server as {@code postgres}): a schema of its own, gone
 * afterwards.
 */
class PostgresBenchTest {
  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "DOCKET_TEST_POSTGRES_URL",
              "jdbc:postgresql://localhost:5432/postgres?user=postgres");

  @Test
  void runsOnPostgresInASchemaOfItsOwnAndDropsIt() throws Exception {
    long before = benchSchemas();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.run(
            new String[] {
              "bench",
              "--db",
              SERVER,
              "--scenarios",
              "submit-4,claim-complete-4x1,me-read",
              "--duration",
              "300ms",
              "--warmup",
              "0s",
              "--repeat",
              "1",
              "--json"
            },
            out,
            err,
            Map.of("DOCKET_PROGRESS", "none"));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(report.path("target").asText()).isEqualTo("PostgreSQL");
    assertThat(report.path("scenarios").size()).isEqualTo(3);
    for (JsonNode s : report.path("scenarios")) {
      assertThat(s.path("ops_per_second").asDouble()).as(s.toString()).isPositive();
      assertThat(s.path("ratio").asDouble()).as(s.toString()).isPositive();
    }
    assertThat(benchSchemas()).isEqualTo(before);
  }

  private static long benchSchemas() throws Exception {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.schemata"
                    + " WHERE schema_name LIKE 'docket\\_bench\\_%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
