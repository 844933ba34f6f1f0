package dev.docket.adapter.sqlite;

import dev.docket.ports.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs queries on a small pool of WAL reader connections, each query in its own read transaction
 * (one consistent snapshot, never blocked by the writer). A reader that finds the database busy
 * (e.g. while another process recovers the WAL) retries with backoff within the busy budget.
 */
final class Reader implements AutoCloseable {
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private final Duration budget;
  private volatile boolean closed;

  Reader(Connections connections, int size, Duration budget) {
    this.idle = new ArrayBlockingQueue<>(size);
    this.budget = budget;
    for (int i = 0; i < size; i++) {
      Connection c = connections.openReader();
      all.add(c);
      idle.add(c);
    }
  }

  /** Runs {@code work} in one read transaction and returns its result. */
  <T> T read(Function<DSLContext, T> work) {
    BusyBackoff backoff = new BusyBackoff(budget);
    Connection c = borrow(backoff);
    try {
      while (true) {
        try {
          return attempt(c, work);
        } catch (RuntimeException e) {
          if (!SqlErrors.isBusy(e)) {
            throw translate(e);
          }
          if (!backoff.pause()) {
            throw new StoreUnavailableException(
                "the database stayed locked for more than " + budget.toMillis() + " ms", e);
          }
        }
      }
    } finally {
      idle.add(c);
    }
  }

  private static <T> T attempt(Connection c, Function<DSLContext, T> work) {
    run(c, "BEGIN");
    try {
      T result = work.apply(Jooq.using(c));
      run(c, "COMMIT");
      return result;
    } catch (RuntimeException e) {
      try {
        run(c, "ROLLBACK");
      } catch (RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  static void run(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new DataAccessException("SQLite " + sql + " failed", e);
    }
  }

  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof DataAccessException) {
      return new StoreUnavailableException("SQLite read failed: " + e.getMessage(), e);
    }
    return e;
  }

  private Connection borrow(BusyBackoff backoff) {
    if (closed) {
      throw new StoreUnavailableException("the store is closed", null);
    }
    try {
      Connection c = idle.poll(backoff.remainingNanos(), TimeUnit.NANOSECONDS);
      if (c == null) {
        throw new StoreUnavailableException(
            "no read connection became free within " + budget.toMillis() + " ms", null);
      }
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting to read", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing: nothing useful to do with a failure here
      }
    }
  }
}
