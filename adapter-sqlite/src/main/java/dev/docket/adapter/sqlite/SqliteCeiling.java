package dev.docket.adapter.sqlite;

import dev.docket.ports.bench.CeilingLoop;
import dev.docket.ports.bench.CeilingRun;
import dev.docket.ports.bench.RawCeiling;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The raw pace of a SQLite file, with the store's settings (WAL, {@code synchronous=FULL}): plain
 * prepared statements on a scratch table of its own, one commit each.
 *
 * <p>Like the store, it writes through one connection that the threads take turns on: SQLite allows
 * one writer at a time, and several connections contending for the lock would measure SQLite's
 * busy-wait sleeps rather than the database.
 */
public final class SqliteCeiling implements RawCeiling {
  private static final int REFILL = 20_000;

  private final Connection writer;
  private final ReentrantLock turn = new ReentrantLock(true);
  private final String table;
  private final PreparedStatement begin;
  private final PreparedStatement commit;
  private final PreparedStatement insert;
  private final PreparedStatement next;
  private final PreparedStatement claim;
  private final PreparedStatement complete;

  private SqliteCeiling(Connection writer, String table) throws SQLException {
    this.writer = writer;
    this.table = table;
    try (Statement s = writer.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + table
              + " (id INTEGER PRIMARY KEY, state INTEGER NOT NULL, payload TEXT NOT NULL)");
      s.execute("CREATE INDEX " + table + "_state ON " + table + " (state, id)");
    }
    // single statements commit on their own; a claim (read, then write) and a fill run in BEGIN
    // IMMEDIATE as the store's Writer does: the write lock up front, so a stale read snapshot never
    // makes the write fail at once with SQLITE_BUSY (sqlite-jdbc's autocommit=false would hold a
    // transaction open between operations, and the store's writer would wait on it)
    begin = writer.prepareStatement("BEGIN IMMEDIATE");
    commit = writer.prepareStatement("COMMIT");
    insert = writer.prepareStatement("INSERT INTO " + table + " (state, payload) VALUES (?, ?)");
    next =
        writer.prepareStatement("SELECT id FROM " + table + " WHERE state = 0 ORDER BY id LIMIT 1");
    claim =
        writer.prepareStatement("UPDATE " + table + " SET state = 1 WHERE id = ? AND state = 0");
    complete = writer.prepareStatement("UPDATE " + table + " SET state = 2 WHERE id = ?");
  }

  /** Opens the database file the store uses and creates the scratch table. */
  public static SqliteCeiling open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(5_000);
    String table =
        "bench_ceiling_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    try {
      Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        return new SqliteCeiling(c, table);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the ceiling probe on " + file + ": " + e, e);
    }
  }

  @Override
  public CeilingRun insertPerCommit(int threads, Duration duration) {
    return CeilingLoop.run(threads, duration, () -> new Turn(this::insertOne));
  }

  @Override
  public CeilingRun claimCompleteCycle(int threads, Duration duration) {
    locked(() -> fill(REFILL));
    return CeilingLoop.run(threads, duration, () -> new Turn(this::cycleOne));
  }

  private int insertOne() throws SQLException {
    insert.setInt(1, 0);
    insert.setString(2, "{\"n\":" + System.nanoTime() + "}");
    insert.executeUpdate();
    return 1;
  }

  /** Claim (a commit), then complete (another commit), holding the writer only while writing. */
  private int cycleOne() throws SQLException {
    long id = claimOne();
    turn.unlock();
    turn.lock();
    complete.setLong(1, id);
    complete.executeUpdate();
    return 1;
  }

  private long claimOne() throws SQLException {
    while (true) {
      begin.execute();
      long id = -1;
      try (ResultSet rs = next.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
      if (id >= 0) {
        claim.setLong(1, id);
        claim.executeUpdate();
        commit.execute();
        return id;
      }
      commit.execute();
      // the queue ran dry: refill it in one transaction (a few ms) rather than stop early
      fill(REFILL);
    }
  }

  private int fill(int rows) throws SQLException {
    begin.execute();
    for (int i = 0; i < rows; i++) {
      insert.setInt(1, 0);
      insert.setString(2, "{\"n\":" + i + "}");
      insert.addBatch();
    }
    insert.executeBatch();
    commit.execute();
    return rows;
  }

  private interface Op {
    int run() throws SQLException;
  }

  private void rollbackQuietly() {
    try (Statement s = writer.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // no transaction was open: the failed statement ended its own
    }
  }

  private void locked(Op op) {
    turn.lock();
    try {
      op.run();
    } catch (SQLException e) {
      rollbackQuietly();
      throw new IllegalStateException("ceiling probe failed: " + e, e);
    } finally {
      turn.unlock();
    }
  }

  /** One thread's session: every operation runs holding the writer. */
  private final class Turn implements CeilingLoop.Session {
    private final Op op;

    Turn(Op op) {
      this.op = op;
    }

    @Override
    public int once() throws SQLException {
      turn.lock();
      try {
        return op.run();
      } catch (SQLException e) {
        rollbackQuietly();
        throw e;
      } finally {
        turn.unlock();
      }
    }

    @Override
    public void close() {
      // the writer is shared; close() of the probe closes it
    }
  }

  @Override
  public void close() {
    turn.lock();
    try (Statement s = writer.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the ceiling probe's table " + table, e);
    } finally {
      try {
        writer.close();
      } catch (SQLException e) {
        // closing after the drop; nothing of ours is left to lose
      }
      turn.unlock();
    }
  }
}
