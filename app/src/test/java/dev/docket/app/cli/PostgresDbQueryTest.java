package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.Job;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docket db query} on PostgreSQL: rows come out as JSON, and every write is refused by the
 * server's read-only transaction, including texts that try to end that transaction first.
 */
class PostgresDbQueryTest extends StoreCase {
  Job job;

  @Override
  Backend backend() {
    return new PostgresBackend();
  }

  @BeforeEach
  void fill() {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    job = seed.submit(alice, "q", "work");
  }

  private String schema() {
    return ((PostgresBackend) backend).schema();
  }

  /** Tables and row counts of the test's schema. */
  private List<String> fingerprint() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                  + schema()
                  + "' ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema() + "." + t)) {
          rs.next();
          out.add(t + " " + rs.getLong(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'evil'")) {
        rs.next();
        out.add("evil schemas " + rs.getLong(1));
      }
    }
    return out;
  }

  @Test
  void rowsComeOutAsAJsonArrayOfObjects() throws Exception {
    Cli run =
        docket(
            "db",
            "query",
            "SELECT id, status, priority, created_at, 1.5 AS f, NULL AS n FROM jobs;");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode rows = json(run);
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("id").asText()).isEqualTo(job.id().toString());
    assertThat(row.get("status").asText()).isEqualTo("queued");
    assertThat(row.get("priority").asInt()).isZero();
    assertThat(row.get("f").asDouble()).isEqualTo(1.5);
    assertThat(row.get("n").isNull()).isTrue();
    assertThat(row.get("created_at").asText()).isNotBlank();
  }

  @Test
  void anEmptyResultIsAnEmptyArray() {
    Cli run = docket("db", "query", "SELECT * FROM jobs WHERE false -- nothing");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).isEqualTo("[]\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM jobs",
        "DELETE FROM jobs RETURNING id",
        "DROP TABLE job_events",
        "TRUNCATE jobs CASCADE",
        "UPDATE jobs SET status = 'failed'",
        "INSERT INTO audit_log (id, at, action, resource, details)"
            + " VALUES ('x', now(), 'a', 'b', '{}')",
        "CREATE TABLE evil (a int)",
        "CREATE SCHEMA evil",
        "WITH d AS (DELETE FROM jobs RETURNING id) SELECT * FROM d",
        "SELECT 1; DELETE FROM jobs",
        "COMMIT; DELETE FROM jobs",
        "ROLLBACK; DELETE FROM jobs",
        "COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; COMMIT; DELETE FROM jobs",
        "SET default_transaction_read_only = off; DELETE FROM jobs",
        "SET TRANSACTION READ WRITE; DELETE FROM jobs",
        "DO $$ BEGIN DELETE FROM jobs; END $$",
        "SELECT 1) r; COMMIT; DELETE FROM jobs; SELECT (1"
      })
  void writesAreRefusedByTheDatabase(String sql) throws Exception {
    List<String> before = fingerprint();

    Cli run = docket("db", "query", sql);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("docket: query failed: ");
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void plainWritesAreRefusedAsReadOnly() {
    Cli run = docket("db", "query", "UPDATE jobs SET priority = 5");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "docket: query failed: ERROR: cannot execute UPDATE in a read-only transaction");
  }
}
