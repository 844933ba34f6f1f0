package dev.docket.app.serve;

import dev.docket.ports.ApiKeyRepository;
import dev.docket.ports.ArtifactStore;
import dev.docket.ports.AuditLog;
import dev.docket.ports.EventRepository;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import dev.docket.ports.Store;
import dev.docket.ports.UserRepository;
import dev.docket.ports.WebhookOutbox;
import dev.docket.ports.transfer.StoreTransfer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A {@link Store} that times every repository call into {@code docket.store.latency} (tags {@code
 * operation} such as {@code jobs.claim}, and {@code outcome} {@code ok} or {@code error}), for the
 * store latency of {@code /metrics}. Wrap the store before building the {@code Docket}. Artifact
 * uploads and downloads include the time the bytes take to stream. Every other method of {@link
 * Store} is forwarded untimed ({@code TimedStoreTest} fails when a new one is not).
 */
final class TimedStore implements Store {
  private final Store store;
  private final JobRepository jobs;
  private final EventRepository events;
  private final ArtifactStore artifacts;
  private final UserRepository users;
  private final ApiKeyRepository keys;
  private final AuditLog audit;
  private final WebhookOutbox webhooks;

  private TimedStore(Store store, MeterRegistry registry) {
    this.store = store;
    this.jobs = timed(JobRepository.class, store.jobs(), "jobs", registry);
    this.events = timed(EventRepository.class, store.events(), "events", registry);
    this.artifacts = timed(ArtifactStore.class, store.artifacts(), "artifacts", registry);
    this.users = timed(UserRepository.class, store.users(), "users", registry);
    this.keys = timed(ApiKeyRepository.class, store.keys(), "keys", registry);
    this.audit = timed(AuditLog.class, store.audit(), "audit", registry);
    this.webhooks = timed(WebhookOutbox.class, store.webhooks(), "webhooks", registry);
  }

  static Store wrap(Store store, MeterRegistry registry) {
    return new TimedStore(store, registry);
  }

  @Override
  public JobRepository jobs() {
    return jobs;
  }

  @Override
  public EventRepository events() {
    return events;
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public ApiKeyRepository keys() {
    return keys;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public WebhookOutbox webhooks() {
    return webhooks;
  }

  @Override
  public JobSignals signals() {
    return store.signals();
  }

  /** Forwarded untimed: a transfer is one long stream, not a store call to measure. */
  @Override
  public StoreTransfer transfer() {
    return store.transfer();
  }

  @Override
  public boolean ping() {
    return store.ping();
  }

  @Override
  public void close() {
    store.close();
  }

  private static <T> T timed(Class<T> port, T target, String prefix, MeterRegistry registry) {
    Object proxy =
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
              }
              long start = System.nanoTime();
              String outcome = "error";
              try {
                Object result = method.invoke(target, args);
                outcome = "ok";
                return result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              } finally {
                Timer.builder("docket.store.latency")
                    .description("store calls by operation")
                    .tag("operation", prefix + "." + method.getName())
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
              }
            });
    return port.cast(proxy);
  }
}
