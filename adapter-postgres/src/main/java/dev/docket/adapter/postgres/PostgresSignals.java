package dev.docket.adapter.postgres;

import dev.docket.ports.JobSignals;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobSignals} shared by every server instance on one database, through LISTEN/NOTIFY. A
 * signal wakes this instance's waiters at once and is sent as {@code pg_notify} on channel {@value
 * #QUEUE_CHANNEL} or {@value #JOB_CHANNEL}; a {@link NotifyListener} wakes this instance's waiters
 * for the other instances' signals.
 *
 * <p>The payload is {@code <schema>:<instance>:<queue or job id>}. Channels are database-wide, so
 * the schema keeps stores in other schemas of the same database from waking each other, and the
 * instance id skips this instance's own notifications (its waiters were woken already). Lost or
 * duplicate signals are harmless: waiters always re-read the store, and long-polls also re-check on
 * their own; after the listener reconnects every waiter is woken once for whatever it missed.
 */
final class PostgresSignals implements JobSignals, AutoCloseable {
  static final String QUEUE_CHANNEL = "docket_queue";
  static final String JOB_CHANNEL = "docket_job";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSignals.class);

  private final Map<String, Set<Runnable>> queues = new ConcurrentHashMap<>();
  private final Map<UUID, Set<Runnable>> jobs = new ConcurrentHashMap<>();
  private final String scope;
  private final String own;
  private final Notifier notifier;
  private final NotifyListener listener;

  private PostgresSignals(DataSource pool, String jdbcUrl, PostgresOptions options) {
    this.scope = options.schema() + ":";
    this.own = scope + newInstanceId() + ":";
    this.notifier = new Notifier(pool);
    this.listener =
        NotifyListener.start(
            jdbcUrl,
            options,
            List.of(QUEUE_CHANNEL, JOB_CHANNEL),
            new NotifyListener.Sink() {
              @Override
              public void received(String channel, String payload) {
                PostgresSignals.this.received(channel, payload);
              }

              @Override
              public void reconnected() {
                wakeAll();
              }
            });
  }

  /** Starts listening on the database of {@code jdbcUrl}; sends through {@code pool}. */
  static PostgresSignals start(DataSource pool, String jdbcUrl, PostgresOptions options) {
    return new PostgresSignals(pool, jdbcUrl, options);
  }

  private static String newInstanceId() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public void queueReady(String queue) {
    fire(queues.get(queue));
    notifier.send(QUEUE_CHANNEL, own + queue);
  }

  @Override
  public void jobChanged(UUID jobId) {
    fire(jobs.get(jobId));
    notifier.send(JOB_CHANNEL, own + jobId);
  }

  @Override
  public Subscription onQueue(String queue, Runnable listener) {
    return register(queues, queue, listener);
  }

  @Override
  public Subscription onJob(UUID jobId, Runnable listener) {
    return register(jobs, jobId, listener);
  }

  /** A notification from the database: another instance's signal for this schema wakes ours. */
  private void received(String channel, String payload) {
    if (payload == null || !payload.startsWith(scope) || payload.startsWith(own)) {
      return;
    }
    int end = payload.indexOf(':', scope.length());
    if (end < 0) {
      return;
    }
    String value = payload.substring(end + 1);
    if (QUEUE_CHANNEL.equals(channel)) {
      fire(queues.get(value));
    } else if (JOB_CHANNEL.equals(channel)) {
      jobIdOf(value).ifPresent(id -> fire(jobs.get(id)));
    }
  }

  private static Optional<UUID> jobIdOf(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not ours to understand; nothing to wake
    }
  }

  /** Wakes every waiter once: signals may have been missed while the listener was away. */
  private void wakeAll() {
    queues.values().forEach(PostgresSignals::fire);
    jobs.values().forEach(PostgresSignals::fire);
  }

  private static void fire(Set<Runnable> listeners) {
    if (listeners == null) {
      return;
    }
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // one faulty waiter must not keep the others asleep, nor stop the listener thread
        LOG.warn("a signal listener failed: {}", e.toString());
      }
    }
  }

  private static <K> Subscription register(Map<K, Set<Runnable>> map, K key, Runnable listener) {
    // added inside compute: a concurrent last unsubscribe cannot drop the set under this listener
    map.compute(
        key,
        (k, set) -> {
          Set<Runnable> s = set == null ? ConcurrentHashMap.newKeySet() : set;
          s.add(listener);
          return s;
        });
    return () ->
        map.computeIfPresent(
            key,
            (k, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  /** Stops listening; sends what is still queued first, briefly. */
  @Override
  public void close() {
    listener.close();
    notifier.close();
  }
}
