package dev.docket.adapter.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated connection, outside the pool, that {@code LISTEN}s on some channels and hands every
 * notification to a {@link Sink} on its own daemon thread. When the connection drops (the server
 * restarted, the backend was terminated, the network broke) it reconnects with backoff and then
 * tells the sink, since notifications sent in between are lost.
 */
final class NotifyListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);

  /** How long one wait for notifications lasts; also bounds how late a close is noticed. */
  private static final int POLL_MILLIS = 1_000;

  /** A quiet connection is probed this often, so a dead one is found without a notification. */
  private static final Duration PROBE_EVERY = Duration.ofSeconds(10);

  private static final long MIN_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  /** What the listener reports to. Called on the listener's thread; must return quickly. */
  interface Sink {
    void received(String channel, String payload);

    /** Listening again after a gap in which notifications may have been missed. */
    void reconnected();
  }

  private final String jdbcUrl;
  private final Properties properties;
  private final List<String> channels;
  private final Sink sink;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;

  private NotifyListener(String jdbcUrl, Properties properties, List<String> channels, Sink sink) {
    this.jdbcUrl = jdbcUrl;
    this.properties = properties;
    this.channels = List.copyOf(channels);
    this.sink = sink;
    // listening before start() returns: a subscriber that comes right after must not miss a thing
    this.connection = tryConnect();
    this.thread = Thread.ofPlatform().name("docket-pg-listen").daemon().start(this::run);
  }

  /**
   * Connects and listens on {@code channels}. When the database cannot be reached now, the listener
   * keeps trying in the background rather than failing.
   */
  static NotifyListener start(
      String jdbcUrl, PostgresOptions options, List<String> channels, Sink sink) {
    Properties p = new Properties();
    p.setProperty("ApplicationName", options.applicationName());
    p.setProperty(
        "connectTimeout", String.valueOf(Math.max(1, options.connectionTimeout().toSeconds())));
    // a probe on a connection whose peer vanished without a word must not hang forever
    p.setProperty("socketTimeout", "30");
    p.setProperty("tcpKeepAlive", "true");
    return new NotifyListener(jdbcUrl, p, channels, sink);
  }

  private void run() {
    long backoff = MIN_BACKOFF_MILLIS;
    boolean missed = connection == null;
    while (!closed) {
      Connection c = connection != null ? connection : tryConnect();
      if (c == null) {
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        missed = true;
        continue;
      }
      connection = c;
      backoff = MIN_BACKOFF_MILLIS;
      if (missed) {
        LOG.info("listening for other instances' notifications again");
        sink.reconnected();
        missed = false;
      }
      try {
        listen(c);
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          LOG.warn("lost the notification connection ({}); reconnecting", e.getMessage());
          missed = true;
        }
      } finally {
        connection = null;
        closeQuietly(c);
      }
    }
  }

  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long lastHeard = System.nanoTime();
    while (!closed) {
      PGNotification[] received = pg.getNotifications(POLL_MILLIS);
      if (received != null && received.length > 0) {
        lastHeard = System.nanoTime();
        for (PGNotification n : received) {
          sink.received(n.getName(), n.getParameter());
        }
      } else if (System.nanoTime() - lastHeard > PROBE_EVERY.toNanos()) {
        probe(c);
        lastHeard = System.nanoTime();
      }
    }
  }

  private static void probe(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
  }

  /** A listening connection, or null when the database cannot be reached. */
  private Connection tryConnect() {
    Connection c = null;
    try {
      c = DriverManager.getConnection(jdbcUrl, properties);
      try (Statement s = c.createStatement()) {
        for (String channel : channels) {
          s.execute("LISTEN " + channel);
        }
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      LOG.debug("cannot listen for notifications yet: {}", e.getMessage());
      closeQuietly(c);
      return null;
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // close() interrupts; the loop sees closed
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // it is being dropped anyway
      }
    }
  }

  /** Stops listening and closes the connection. */
  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      try {
        // abort closes the socket under a thread blocked in getNotifications, without its lock
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        // the thread still sees closed within one poll
      }
    }
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
