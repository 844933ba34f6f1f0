package dev.docket.app.serve;

import dev.docket.app.ErrorReporter;
import dev.docket.ports.WebhookOutbox;
import dev.docket.ports.usecase.WebhookSender;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries every {@link WebhookOptions#every()}, starting at once. Deliveries
 * live in the store only, so what was due while the server was down goes out right after start, and
 * several instances on one Postgres database share the work (the outbox leases each delivery to one
 * of them).
 */
final class WebhookLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookLoop.class);

  private final WebhookSender sender;
  private final ScheduledExecutorService scheduler;

  private WebhookLoop(WebhookSender sender) {
    this.sender = sender;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("docket-webhooks").daemon(true).factory());
  }

  /** Resolves the signing secret and starts sending. */
  static WebhookLoop start(WebhookOutbox outbox, WebhookOptions options, PrintWriter out) {
    String secret = options.secret() != null ? options.secret() : storedSecret(outbox, out);
    WebhookSender sender =
        new WebhookSender(
            outbox,
            new HttpWebhookTransport(),
            options.policy(),
            secret,
            options.settings(),
            Clock.systemUTC());
    WebhookLoop loop = new WebhookLoop(sender);
    loop.scheduler.scheduleWithFixedDelay(
        loop::tick, 0, options.every().toMillis(), TimeUnit.MILLISECONDS);
    return loop;
  }

  /**
   * The secret kept in the store, made on the first start without {@code DOCKET_WEBHOOK_SECRET}. It
   * is printed that once, like the admin key, so the operator can hand it to receivers.
   */
  private static String storedSecret(WebhookOutbox outbox, PrintWriter out) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String candidate = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String secret = outbox.signingSecret(candidate);
    if (secret.equals(candidate)) {
      out.println("webhook signing secret: " + secret);
      out.println(
          "(generated and kept in the database; set "
              + WebhookOptions.SECRET_ENV
              + " to use your own)");
      out.flush();
    }
    return secret;
  }

  /** One pass; a failure is logged and the next pass tries again (the schedule must not die). */
  private void tick() {
    try {
      int attempts = sender.deliverDue();
      if (attempts > 0) {
        LOG.debug("made {} webhook attempt(s)", attempts);
      }
    } catch (RuntimeException e) {
      LOG.warn("sending webhooks failed, will retry: {}", ErrorReporter.message(e));
    }
  }

  /** Stops scheduling and waits for a pass in progress, so the store can be closed after. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      // a pass may be waiting on a receiver for up to the transport's timeout
      long wait = HttpWebhookTransport.TIMEOUT.toSeconds() + 5;
      if (!scheduler.awaitTermination(wait, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
