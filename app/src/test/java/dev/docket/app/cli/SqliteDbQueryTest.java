package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docket.domain.Job;
import dev.docket.domain.Role;
import dev.docket.ports.usecase.Actor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docket db query} on SQLite: rows come out as JSON, and every kind of write is refused by
 * the database, however the SQL is dressed up.
 */
class SqliteDbQueryTest extends StoreCase {
  @TempDir Path dir;

  Job job;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }

  @BeforeEach
  void fill() {
    Actor alice = seed.user("alice", Role.SUBMITTER);
    job = seed.submit(alice, "q", "work");
  }

  private Path file() {
    return ((SqliteBackend) backend).file();
  }

  /** Table names, their schema text and row counts: what a write of any kind would change. */
  private List<String> fingerprint() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT name, sql FROM sqlite_master ORDER BY type, name")) {
        while (rs.next()) {
          out.add(rs.getString(1) + ": " + rs.getString(2));
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
          if (rs.next()) {
            out.add(t + " rows " + rs.getLong(1));
          }
        } catch (java.sql.SQLException indexNotTable) {
          // indexes are in sqlite_master too
        }
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
            "SELECT id, status, priority, 1.5 AS f, NULL AS n, x'0102' AS b FROM jobs");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode rows = json(run);
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("id").asText()).isEqualTo(job.id().toString());
    assertThat(row.get("status").asText()).isEqualTo("queued");
    assertThat(row.get("priority").isIntegralNumber()).isTrue();
    assertThat(row.get("f").asDouble()).isEqualTo(1.5);
    assertThat(row.get("n").isNull()).isTrue();
    assertThat(row.get("b").asText()).isEqualTo("AQI=");
    assertThat(run.out()).startsWith("[\n{").endsWith("}\n]\n");
  }

  @Test
  void anEmptyResultIsAnEmptyArray() {
    Cli run = docket("db", "query", "SELECT * FROM jobs WHERE 0");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).isEqualTo("[]\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM jobs",
        "DROP TABLE job_events",
        "UPDATE jobs SET status = 'failed'",
        "INSERT INTO audit_log (id, at, action, resource, details) VALUES ('x', 0, 'a', 'b', '{}')",
        "CREATE TABLE evil (a)",
        "CREATE INDEX evil_idx ON jobs (kind)",
        "UPDATE sqlite_master SET sql = 'x' WHERE name = 'jobs'",
        "PRAGMA journal_mode = DELETE",
        "VACUUM",
        "ANALYZE",
        "REPLACE INTO users (id, name, email, roles, active, created_at)"
            + " VALUES ('u', 'n', 'e', 'admin', 1, 0)",
        "WITH x AS (SELECT 1) DELETE FROM jobs",
        "backup to /tmp/docket-cli-test-backup.db",
        "restore from /tmp/docket-cli-test-restore.db"
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
  void turningOnWritableSchemaThenWritingStillFails() throws Exception {
    List<String> before = fingerprint();

    Cli pragma = docket("db", "query", "PRAGMA writable_schema = ON");
    Cli write = docket("db", "query", "UPDATE sqlite_master SET sql = 'x' WHERE name = 'jobs'");
    Cli off = docket("db", "query", "PRAGMA query_only = OFF");
    Cli delete = docket("db", "query", "DELETE FROM jobs");

    assertThat(pragma.exitCode()).as("%s", pragma).isZero();
    assertThat(write.exitCode()).isEqualTo(1);
    assertThat(write.err()).startsWith("docket: query failed: ");
    assertThat(off.exitCode()).as("%s", off).isZero();
    assertThat(delete.exitCode()).isEqualTo(1);
    assertThat(delete.err()).contains("SQLITE_READONLY");
    assertThat(fingerprint()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'x' WHERE name = 'jobs'",
        "PRAGMA query_only = OFF; DELETE FROM jobs",
        "SELECT 1; DROP TABLE jobs"
      })
  void onlyTheFirstStatementOfATextRunsSoChainedWritesDoNothing(String sql) throws Exception {
    List<String> before = fingerprint();

    Cli run = docket("db", "query", sql);

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void vacuumIntoAndAttachCannotWriteFilesElsewhere() throws Exception {
    Path copy = dir.resolve("copy.db");
    Path attached = dir.resolve("attached.db");

    Cli vacuum = docket("db", "query", "VACUUM INTO '" + copy + "'");
    Cli attach = docket("db", "query", "ATTACH DATABASE '" + attached + "' AS x");

    assertThat(vacuum.exitCode()).as("%s", vacuum).isEqualTo(1);
    assertThat(vacuum.err()).startsWith("docket: query failed: ");
    assertThat(java.nio.file.Files.exists(copy) ? java.nio.file.Files.size(copy) : 0L).isZero();
    assertThat(attach.exitCode()).as("%s", attach).isEqualTo(1);
    assertThat(attached).doesNotExist();
  }

  @Test
  void aMissingDatabaseIsNotCreated() {
    Path missing = dir.resolve("none.db");

    Cli run = Cli.run("sqlite:" + missing, "db", "query", "SELECT 1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("docket: no database at ");
    assertThat(missing).doesNotExist();
  }

  @Test
  void badSqlFailsOnOneLine() {
    Cli run = docket("db", "query", "SELEC nothing");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("docket: query failed: ").contains("syntax error");
  }
}
