package dev.docket.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.ports.bench.CeilingRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw probe inserts and cycles rows, and leaves nothing of its own behind. */
class PostgresCeilingTest {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  private String url() {
    return PostgresFixture.serverUrl() + "&currentSchema=" + PG.schema();
  }

  @Test
  void insertsOneRowPerCommitAndCyclesClaimsThenDropsItsTable() throws SQLException {
    execute("CREATE SCHEMA " + PG.schema());
    try (PostgresCeiling ceiling = PostgresCeiling.open(url(), false)) {
      assertThat(tables()).isEqualTo(1);
      CeilingRun inserts = ceiling.insertPerCommit(2, Duration.ofMillis(200));
      CeilingRun cycles = ceiling.claimCompleteCycle(2, Duration.ofMillis(200));

      assertThat(inserts.operations()).isPositive();
      assertThat(inserts.perSecond()).isPositive();
      assertThat(inserts.p99()).isGreaterThanOrEqualTo(inserts.p50());
      assertThat(cycles.operations()).isPositive();
    }
    assertThat(tables()).isZero();
    assertThat(schemaExists()).isTrue();
  }

  @Test
  void dropsTheSchemaWhenItWasMadeForTheRun() throws SQLException {
    execute("CREATE SCHEMA IF NOT EXISTS " + PG.schema());
    PostgresCeiling.open(url(), true).close();

    assertThat(schemaExists()).isFalse();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = PostgresFixture.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long tables() throws SQLException {
    return count(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
            + PG.schema()
            + "' AND table_name LIKE 'bench_ceiling_%'");
  }

  private boolean schemaExists() throws SQLException {
    return count(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                + PG.schema()
                + "'")
        > 0;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = PostgresFixture.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
