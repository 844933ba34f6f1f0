package dev.docket.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Ids;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.bench.CeilingRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw probe inserts and cycles rows beside a live store, and leaves nothing behind. */
class SqliteCeilingTest {
  @TempDir Path dir;

  @Test
  void measuresBesideAStoreOnTheSameFileAndDropsItsTable() throws SQLException {
    Path file = dir.resolve("docket.db");
    try (SqliteStore store = SqliteStore.open(file, SqliteOptions.DEFAULTS);
        SqliteCeiling ceiling = SqliteCeiling.open(file)) {
      assertThat(benchTables(file)).isEqualTo(1);
      CeilingRun inserts = ceiling.insertPerCommit(2, Duration.ofMillis(200));
      CeilingRun cycles = ceiling.claimCompleteCycle(2, Duration.ofMillis(200));

      assertThat(inserts.operations()).isPositive();
      assertThat(inserts.perSecond()).isPositive();
      assertThat(inserts.p99()).isGreaterThanOrEqualTo(inserts.p50());
      assertThat(cycles.operations()).isPositive();
      // the probe holds no lock between operations: the store still writes while it is open
      store
          .users()
          .insert(
              new User(
                  Ids.newId(),
                  "Kept",
                  "kept@example.test",
                  Set.of(Role.ADMIN),
                  true,
                  Instant.now()));
      assertThat(store.users().count()).isEqualTo(1);
    }
    assertThat(benchTables(file)).isZero();
  }

  private static long benchTables(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name LIKE 'bench_ceiling_%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
