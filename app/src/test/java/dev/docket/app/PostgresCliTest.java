package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.postgres.PostgresStoreAdmin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code db} commands on a real PostgreSQL ({@code DOCKET_TEST_POSTGRES_URL}, else the local
 * server as {@code postgres}), each test in a schema of its own named by {@code currentSchema}.
 */
class PostgresCliTest {
  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "DOCKET_TEST_POSTGRES_URL",
              "jdbc:postgresql://localhost:5432/postgres?user=postgres");
  private static final int SCHEMA = PostgresStoreAdmin.bundledSchemaVersion();

  private String schema;
  private String url;

  @BeforeEach
  void freshSchemaName() {
    schema = "app_" + HexFormat.of().formatHex(randomBytes());
    url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @AfterEach
  void dropSchema() throws Exception {
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private CliRun docket(String... args) {
    return CliRun.of(Map.of("DOCKET_DB", url), args);
  }

  @Test
  void migrateInfoAndCheckWorkInTheSchemaTheUrlNames() {
    CliRun migrate = docket("db", "migrate");
    CliRun info = docket("db", "info", "--json");
    CliRun check = docket("db", "check");

    assertThat(migrate.exitCode()).as("%s", migrate).isZero();
    assertThat(migrate.out()).startsWith("schema version " + SCHEMA + " (applied ");
    assertThat(info.exitCode()).as("%s", info).isZero();
    assertThat(info.out())
        .startsWith("{\"backend\":\"postgresql\"")
        .contains("\"schema_version\":" + SCHEMA)
        .containsPattern("\"server_version\":\"PostgreSQL \\d+")
        .contains("\"journal_mode\":null")
        .contains("\"jobs\":0");
    assertThat(check.exitCode()).as("%s", check).isZero();
    assertThat(check.out())
        .startsWith("ok: connected to PostgreSQL ")
        .contains("schema " + schema + "; schema version " + SCHEMA);
  }

  @Test
  void aNewerSchemaIsRefusedOnOneLine() throws Exception {
    docket("db", "migrate");
    int future = SCHEMA + 3;
    sql(
        "INSERT INTO "
            + schema
            + ".flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (100, '"
            + future
            + "', 'future', 'SQL', 'V"
            + future
            + "__future.sql', 0, 'test', 1, true)");

    CliRun run = docket("db", "migrate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "docket: database schema version "
                + future
                + " is newer than this build supports ("
                + SCHEMA
                + "); upgrade docket");
  }

  @Test
  void anUnreachableServerIsOneLineWithoutThePassword() {
    CliRun run =
        CliRun.of(
            Map.of(),
            "--db",
            "jdbc:postgresql://127.0.0.1:1/docket?user=docket&password=hunter2",
            "db",
            "check");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("docket: cannot use the PostgreSQL database at jdbc:postgresql://127.0.0.1:1/")
        .contains("password=***")
        .doesNotContain("hunter2");
  }
}
