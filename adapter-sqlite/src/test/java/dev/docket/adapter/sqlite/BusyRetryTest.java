package dev.docket.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Ids;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Another connection (as another process would) holds the database's write lock: the store's writes
 * wait for it within the busy budget, and fail cleanly beyond it.
 */
class BusyRetryTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("busy.db");
  }

  private static User user(String email) {
    return new User(Ids.newId(), "Busy", email, Set.of(Role.ADMIN), true, Instant.now());
  }

  /** A raw connection that holds the write lock from {@code BEGIN IMMEDIATE} until closed. */
  private Connection holdWriteLock() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute(
          "INSERT INTO audit_log (id, at, actor_id, action, resource, resource_id, details, remote_addr) VALUES ('x', 0, null, 'a.b', 'a', null, '{}', null)");
    }
    return c;
  }

  private static void release(Connection c) {
    try (c;
        Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWriteWaitsForALockHeldForASecondAndSucceeds() throws Exception {
    try (SqliteStore store = SqliteStore.open(db())) {
      Connection holder = holdWriteLock();
      CompletableFuture<Void> later =
          CompletableFuture.runAsync(
              () -> release(holder),
              CompletableFuture.delayedExecutor(1000, TimeUnit.MILLISECONDS));
      long start = System.nanoTime();

      store.users().insert(user("waits@example.test"));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      later.get(5, TimeUnit.SECONDS);
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
      assertThat(took).isLessThan(Duration.ofSeconds(4));
      assertThat(store.users().findByEmail("waits@example.test")).isPresent();
    }
  }

  @Test
  void aLockHeldBeyondTheBudgetFailsTheWriteWithNothingWritten() throws Exception {
    SqliteOptions options = SqliteOptions.DEFAULTS.withBusyBudget(Duration.ofMillis(400));
    try (SqliteStore store = SqliteStore.open(db(), options)) {
      Connection holder = holdWriteLock();
      long start = System.nanoTime();
      try {
        assertThatThrownBy(() -> store.users().insert(user("gives-up@example.test")))
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageContaining("locked");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(350), Duration.ofMillis(2500));
        // readers are WAL readers: the held write lock does not stop them
        assertThat(store.users().findByEmail("gives-up@example.test")).isEmpty();
      } finally {
        release(holder);
      }

      store.users().insert(user("after@example.test"));
      assertThat(store.users().count()).isEqualTo(1);
      assertThat(store.users().findByEmail("gives-up@example.test")).isEmpty();
    }
  }

  // A WAL reader is only refused in rare moments (WAL recovery by another process, a
  // connection in exclusive locking mode), which a test cannot produce reliably; the reads'
  // retry is therefore exercised with the busy error the driver would raise.
  private static DataAccessException busy() {
    return new DataAccessException(
        "busy", new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY));
  }

  @Test
  void aReadThatFindsTheFileBusyIsRetried() {
    try (SqliteStore store = SqliteStore.open(db())) {
      store.users().insert(user("read@example.test"));
      AtomicInteger attempts = new AtomicInteger();

      long users =
          store
              .reader()
              .read(
                  dsl -> {
                    if (attempts.incrementAndGet() <= 3) {
                      throw busy();
                    }
                    return (long) dsl.fetchCount(dev.docket.adapter.sqlite.jooq.Tables.USERS);
                  });

      assertThat(users).isEqualTo(1);
      assertThat(attempts).hasValue(4);
    }
  }

  @Test
  void aReadBusyBeyondTheBudgetIsUnavailable() {
    SqliteOptions options = SqliteOptions.DEFAULTS.withBusyBudget(Duration.ofMillis(200));
    try (SqliteStore store = SqliteStore.open(db(), options)) {
      assertThatThrownBy(
              () ->
                  store
                      .reader()
                      .read(
                          dsl -> {
                            throw busy();
                          }))
          .isInstanceOf(StoreUnavailableException.class);
      assertThat(store.ping()).isTrue();
    }
  }
}
