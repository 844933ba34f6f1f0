package dev.docket.app.serve;

import dev.docket.adapter.http.HttpApi;
import dev.docket.adapter.http.HttpConfig;
import dev.docket.adapter.http.metrics.MetricsJobListener;
import dev.docket.app.ErrorReporter;
import dev.docket.app.db.StoreFactory;
import dev.docket.app.db.Stores;
import dev.docket.ports.Store;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.usecase.AdminService;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.DocketConfig;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: the store, the HTTP API, the lease rescuer and the webhook sender, started in
 * that order and stopped in the reverse one.
 */
public final class Server {
  /** How often expired leases are looked for. */
  static final Duration RESCUE_EVERY = Duration.ofSeconds(2);

  /**
   * How long a stop waits for requests in flight. Long-polls (up to 30 s) and event streams would
   * hold a stop for their full length; ten seconds lets ordinary requests finish without that.
   */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Store store;
  private final Javalin http;
  private final Rescuer rescuer;
  private final Retention retention;
  private final WebhookLoop webhooks;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Server(
      Store store, Javalin http, Rescuer rescuer, Retention retention, WebhookLoop webhooks) {
    this.store = store;
    this.http = http;
    this.rescuer = rescuer;
    this.retention = retention;
    this.webhooks = webhooks;
  }

  /**
   * Opens (and migrates) the store, bootstraps the admin on an empty store, starts the HTTP API and
   * the rescuer, and prints the admin key (when one was made) and the address.
   */
  static Server start(StoreAdmin db, String host, int port, String bootstrapKey, PrintWriter out) {
    return start(db, host, port, bootstrapKey, out, null);
  }

  /**
   * As above; with {@code retention}, terminal jobs finished longer ago than that are pruned on a
   * schedule (see {@link Retention}).
   */
  static Server start(
      StoreAdmin db,
      String host,
      int port,
      String bootstrapKey,
      PrintWriter out,
      Duration retention) {
    return start(db, host, port, bootstrapKey, out, retention, WebhookOptions.DEFAULTS);
  }

  /** As above, sending webhooks as {@code webhooks} says (see {@link WebhookOptions}). */
  static Server start(
      StoreAdmin db,
      String host,
      int port,
      String bootstrapKey,
      PrintWriter out,
      Duration retention,
      WebhookOptions webhooks) {
    Store store = Stores.open(db);
    Javalin http = null;
    try {
      HttpConfig config = HttpConfig.defaults();
      // the timed view feeds store latency to /metrics; the store itself is what gets closed
      Store timed = TimedStore.wrap(store, config.registry());
      Docket docket =
          Docket.create(
              timed,
              DocketConfig.DEFAULT.withWebhookAddresses(webhooks.policy()),
              new MetricsJobListener(config.registry()));
      http = HttpApi.create(docket, config);
      drainOnStop(http);
      // bind before making the admin: a busy port must not cost the operator a shown-once key
      http.start(host, port);
      bootstrap(docket, bootstrapKey, out);
      Rescuer rescuer = new Rescuer(docket.rescue(), RESCUE_EVERY);
      rescuer.start();
      Retention pruner =
          retention == null
              ? null
              : new Retention(
                  new AdminService(docket.store().jobs(), docket.audit(), Retention.BATCH),
                  docket.audit(),
                  retention);
      if (pruner != null) {
        pruner.start();
      }
      WebhookLoop sender = WebhookLoop.start(timed.webhooks(), webhooks, out);
      out.println("Docket listening on http://" + hostForUrl(host) + ":" + http.port());
      out.flush();
      return new Server(store, http, rescuer, pruner, sender);
    } catch (RuntimeException e) {
      if (http != null) {
        http.stop();
      }
      store.close();
      throw e;
    }
  }

  /**
   * Starts a server as {@code docket serve} does, on {@code db} (a {@code --db} value), on a free
   * loopback port, with {@code bootstrapKey} as the admin's key: for {@code docket bench}, which
   * lives in another package.
   */
  public static Server startLocal(String db, String bootstrapKey, PrintWriter out) {
    return start(StoreFactory.parse(db), "127.0.0.1", 0, bootstrapKey, out);
  }

  /** The port the HTTP API listens on. */
  public int port() {
    return http.port();
  }

  private static void bootstrap(Docket docket, String presetKey, PrintWriter out) {
    Optional<String> key = docket.users().bootstrapAdmin(presetKey);
    if (key.isEmpty()) {
      return;
    }
    if (presetKey != null) {
      // the operator chose this key; echoing a secret from the environment into logs helps nobody
      out.println("admin user created with the key from DOCKET_BOOTSTRAP_ADMIN_KEY");
    } else {
      out.println("admin key: " + key.get());
      out.println("(shown once: it is stored hashed and cannot be shown again)");
    }
    out.flush();
  }

  /** Jetty only waits for requests in flight on stop with a graceful handler and a timeout. */
  private static void drainOnStop(Javalin http) {
    org.eclipse.jetty.server.Server jetty = http.jettyServer().server();
    jetty.insertHandler(new GracefulHandler());
    jetty.setStopTimeout(DRAIN.toMillis());
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * Stops accepting, lets requests in flight finish, stops the rescuer, closes the store. Safe to
   * call more than once and from several threads; later calls wait for the first to finish.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    LOG.info("stopping: draining requests, then closing the store");
    try {
      http.stop();
    } catch (RuntimeException e) {
      LOG.warn("HTTP server did not stop cleanly: {}", ErrorReporter.message(e));
    }
    rescuer.close();
    if (retention != null) {
      retention.close();
    }
    webhooks.close();
    store.close();
    LOG.info("stopped");
    stopped.countDown();
  }

  private void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
