package dev.docket.ports;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link JobSignals} within one process. Listeners must return quickly (they only wake). */
public final class LocalSignals implements JobSignals {
  private final Map<String, Set<Runnable>> queues = new ConcurrentHashMap<>();
  private final Map<UUID, Set<Runnable>> jobs = new ConcurrentHashMap<>();

  @Override
  public void queueReady(String queue) {
    fire(queues.get(queue));
  }

  @Override
  public void jobChanged(UUID jobId) {
    fire(jobs.get(jobId));
  }

  @Override
  public Subscription onQueue(String queue, Runnable listener) {
    return register(queues, queue, listener);
  }

  @Override
  public Subscription onJob(UUID jobId, Runnable listener) {
    return register(jobs, jobId, listener);
  }

  private static void fire(Set<Runnable> listeners) {
    if (listeners != null) {
      listeners.forEach(Runnable::run);
    }
  }

  private static <K> Subscription register(Map<K, Set<Runnable>> map, K key, Runnable listener) {
    map.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
    return () ->
        map.computeIfPresent(
            key,
            (k, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }
}
