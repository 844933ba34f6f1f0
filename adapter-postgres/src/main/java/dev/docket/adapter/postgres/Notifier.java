package dev.docket.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code pg_notify} for the other server instances, off the caller's thread: a request that
 * just committed does not wait for a second round trip, a burst of submits to one queue collapses
 * into one notification, and a database that is gone costs the caller nothing. Notifications are
 * hints (waiters re-read the store), so one that cannot be sent is logged and dropped.
 */
final class Notifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  /** Beyond this many unsent notifications the database is not keeping up; newer ones drop. */
  private static final int MAX_PENDING = 10_000;

  /** One statement per batch, however many notifications it holds. */
  private static final String NOTIFY =
      "SELECT pg_notify(n.channel, n.payload) FROM unnest(?::text[], ?::text[]) AS n(channel,"
          + " payload)";

  private final DataSource pool;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private SequencedSet<Notice> pending = new LinkedHashSet<>();
  private boolean closed;
  private boolean failing;
  private final Thread thread;

  private record Notice(String channel, String payload) {}

  Notifier(DataSource pool) {
    this.pool = pool;
    this.thread = Thread.ofPlatform().name("docket-pg-notify").daemon().start(this::run);
  }

  /** Queues a notification; returns at once. */
  void send(String channel, String payload) {
    lock.lock();
    try {
      if (!closed && pending.size() < MAX_PENDING) {
        pending.add(new Notice(channel, payload));
        ready.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    for (List<Notice> batch = take(); batch != null; batch = take()) {
      deliver(batch);
    }
  }

  /** The next batch; null once closed with nothing left to send. */
  private List<Notice> take() {
    lock.lock();
    try {
      while (pending.isEmpty() && !closed) {
        ready.awaitUninterruptibly();
      }
      if (pending.isEmpty()) {
        return null;
      }
      List<Notice> batch = new ArrayList<>(pending);
      pending = new LinkedHashSet<>();
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void deliver(List<Notice> batch) {
    String[] channels = batch.stream().map(Notice::channel).toArray(String[]::new);
    String[] payloads = batch.stream().map(Notice::payload).toArray(String[]::new);
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(NOTIFY)) {
      s.setArray(1, c.createArrayOf("text", channels));
      s.setArray(2, c.createArrayOf("text", payloads));
      s.execute();
      if (failing) {
        failing = false;
        LOG.info("notifying other instances works again");
      }
    } catch (SQLException | RuntimeException e) {
      // other instances' waiters still re-check on their own; say so once per outage, not per call
      if (!failing) {
        failing = true;
        LOG.warn(
            "cannot notify other instances ({}); their waiters fall back to polling",
            e.getMessage());
      }
    }
  }

  /** Sends what is queued (briefly), then stops. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      ready.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
