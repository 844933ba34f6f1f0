package dev.docket.adapter.sqlite;

import dev.docket.ports.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The one path through which every write reaches the database file.
 *
 * <p>SQLite allows one writer at a time per file. Rather than let every thread race for the file
 * lock (and spin on {@code SQLITE_BUSY}), this class holds a single writer connection and
 * serializes in-process writers on a fair lock; each unit of work runs in its own {@code BEGIN
 * IMMEDIATE … COMMIT}, which takes the file's write lock up front so that a transaction never fails
 * half-way for lack of it. When another process (or a raw connection) holds the lock, {@code BEGIN
 * IMMEDIATE} reports busy after the short SQLite busy timeout and this class retries with jittered
 * backoff until the busy budget is spent, then throws {@link StoreUnavailableException}; nothing of
 * the unit has been written then.
 *
 * <p>A unit must be safe to run again: it is retried from the start when the database was busy. It
 * must not keep the lock long (no I/O to clients inside it). Exceptions thrown by the unit roll the
 * transaction back and pass through unchanged, except driver failures, which become {@link
 * StoreUnavailableException}.
 *
 * <p>Designed for group commit: every unit is a function of a {@link DSLContext} that neither
 * begins nor commits, so a later version can drain several queued units into one transaction (one
 * fsync for many small writes, with a savepoint per unit so one unit's failure does not abort the
 * others) without changing any caller.
 */
final class Writer implements AutoCloseable {
  private final Connection connection;
  private final DSLContext dsl;
  private final Duration budget;
  private final ReentrantLock lock = new ReentrantLock(true);
  private boolean closed;

  Writer(Connections connections, Duration budget) {
    this.connection = connections.openWriter();
    this.dsl = Jooq.using(connection);
    this.budget = budget;
  }

  /** Runs {@code work} in one write transaction and returns its result. */
  <T> T write(Function<DSLContext, T> work) {
    BusyBackoff backoff = new BusyBackoff(budget);
    acquire(backoff);
    try {
      while (true) {
        try {
          return attempt(work);
        } catch (Busy busy) {
          if (!backoff.pause()) {
            throw new StoreUnavailableException(
                "the database stayed locked for more than " + budget.toMillis() + " ms",
                busy.getCause());
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private <T> T attempt(Function<DSLContext, T> work) {
    execute("BEGIN IMMEDIATE");
    T result;
    try {
      result = work.apply(dsl);
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw translate(e);
    } catch (Error e) {
      rollbackQuietly(e);
      throw e;
    }
    try {
      execute("COMMIT");
    } catch (RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    }
    return result;
  }

  private void acquire(BusyBackoff backoff) {
    try {
      if (!lock.tryLock(backoff.remainingNanos(), TimeUnit.NANOSECONDS)) {
        throw new StoreUnavailableException(
            "other writers kept the database busy for more than " + budget.toMillis() + " ms",
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting to write", e);
    }
    if (closed) {
      lock.unlock();
      throw new StoreUnavailableException("the store is closed", null);
    }
  }

  private static RuntimeException translate(RuntimeException e) {
    if (SqlErrors.isBusy(e)) {
      return new Busy(e);
    }
    if (e instanceof DataAccessException) {
      return new StoreUnavailableException("SQLite write failed: " + e.getMessage(), e);
    }
    return e;
  }

  private void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      if (SqlErrors.isBusy(e)) {
        throw new Busy(e);
      }
      throw new StoreUnavailableException("SQLite " + sql + " failed: " + e.getMessage(), e);
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite already rolls back by itself after some errors (busy, I/O, full disk)
      if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
        cause.addSuppressed(e);
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      connection.close();
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot close the SQLite writer", e);
    } finally {
      lock.unlock();
    }
  }

  /** The database was busy: the unit was rolled back and may run again. */
  private static final class Busy extends RuntimeException {
    Busy(Throwable cause) {
      super(cause);
    }
  }
}
