package dev.docket.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Ids;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.SchemaTooNewException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating and configuring the database file. */
class SqliteStoreTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("store.db");
  }

  private static String pragma(SqliteStore store, String name) {
    return store.writer().write(dsl -> String.valueOf(dsl.fetchValue("PRAGMA " + name)));
  }

  @Test
  void reopeningKeepsTheDataAndMigratesNothingTwice() {
    User user =
        new User(Ids.newId(), "Kept", "kept@example.test", Set.of(Role.ADMIN), true, Instant.now());
    try (SqliteStore store = SqliteStore.open(db())) {
      store.users().insert(user);
    }
    try (SqliteStore store = SqliteStore.open(db())) {
      assertThat(store.users().find(user.id())).contains(user);
      assertThat(store.ping()).isTrue();
    }
  }

  @Test
  void theWriterUsesWalForeignKeysAndFullSyncByDefault() {
    try (SqliteStore store = SqliteStore.open(db())) {
      assertThat(pragma(store, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(store, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(store, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(store, "busy_timeout")).isEqualTo("50");
    }
  }

  @Test
  void synchronousNormalCanBeChosen() {
    SqliteOptions options =
        SqliteOptions.DEFAULTS.withSynchronous(SqliteOptions.Synchronous.NORMAL);
    try (SqliteStore store = SqliteStore.open(db(), options)) {
      assertThat(pragma(store, "synchronous")).isEqualTo("1"); // NORMAL
    }
  }

  @Test
  void readConnectionsRefuseWrites() {
    try (SqliteStore store = SqliteStore.open(db())) {
      assertThatThrownBy(() -> store.reader().read(dsl -> dsl.execute("DELETE FROM users")))
          .isInstanceOf(dev.docket.ports.StoreUnavailableException.class);
    }
  }

  @Test
  void aDatabaseMigratedByANewerDocketIsRefused() throws Exception {
    try (SqliteStore store = SqliteStore.open(db())) {
      assertThat(store.ping()).isTrue();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, installed_on, execution_time, success)"
              + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0,"
              + " 'test', CURRENT_TIMESTAMP, 1, 1)");
    }

    assertThatThrownBy(() -> SqliteStore.open(db()))
        .isInstanceOfSatisfying(
            SchemaTooNewException.class,
            e -> {
              assertThat(e.databaseVersion()).isEqualTo("99");
              assertThat(e.supportedVersion()).isEqualTo("3");
              assertThat(e).hasMessageContaining("version 99").hasMessageContaining("newer Docket");
            });
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
      assertThat(rs.getInt(1)).isEqualTo(4);
    }
  }
}
