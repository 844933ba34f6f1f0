package dev.docket.adapter.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SqliteStore} uses its database file.
 *
 * @param busyBudget how long one operation may keep retrying while the database is locked by
 *     another connection or process before it fails with {@link
 *     dev.docket.ports.StoreUnavailableException}
 * @param busyTimeout SQLite's own wait on a lock before it reports "busy" to Java; kept short so
 *     that the retries (with jitter, bounded by {@code busyBudget}) happen in Java
 * @param synchronous {@link Synchronous#FULL} syncs every commit to disk; {@link
 *     Synchronous#NORMAL} (WAL) may lose the last commits on power loss, never corrupts
 * @param readConnections how many read connections (WAL readers) serve queries at once
 */
public record SqliteOptions(
    Duration busyBudget, Duration busyTimeout, Synchronous synchronous, int readConnections) {

  /** 5 s busy budget, 50 ms SQLite busy timeout, synchronous FULL, 4 readers. */
  public static final SqliteOptions DEFAULTS =
      new SqliteOptions(Duration.ofSeconds(5), Duration.ofMillis(50), Synchronous.FULL, 4);

  /** The SQLite {@code synchronous} setting. */
  public enum Synchronous {
    FULL,
    NORMAL
  }

  public SqliteOptions {
    Objects.requireNonNull(busyBudget, "busyBudget");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
    Objects.requireNonNull(synchronous, "synchronous");
    if (busyBudget.isNegative() || busyTimeout.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (readConnections < 1) {
      throw new IllegalArgumentException("readConnections must be >= 1");
    }
  }

  public SqliteOptions withBusyBudget(Duration budget) {
    return new SqliteOptions(budget, busyTimeout, synchronous, readConnections);
  }

  public SqliteOptions withSynchronous(Synchronous mode) {
    return new SqliteOptions(busyBudget, busyTimeout, mode, readConnections);
  }

  public SqliteOptions withReadConnections(int count) {
    return new SqliteOptions(busyBudget, busyTimeout, synchronous, count);
  }
}
