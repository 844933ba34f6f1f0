package dev.docket.ports.usecase;

import dev.docket.domain.WebhookDelivery;
import dev.docket.ports.WebhookClaim;
import dev.docket.ports.WebhookOutbox;
import dev.docket.ports.WebhookTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends due webhook deliveries from the outbox: signs each body, POSTs it, and stores the outcome.
 * A 2xx answer delivers it; anything else (another status, no answer, a destination the {@link
 * AddressPolicy} refuses after resolving it) is retried with backoff until {@link
 * WebhookSettings#giveUpAfter()} from its creation, then marked {@code failed}. A job's deliveries
 * go out one after the other in seq order; different jobs' in parallel. Safe to run from several
 * threads or instances on one store: the outbox leases what it hands out.
 */
public final class WebhookSender {
  /** The signature header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
  public static final String SIGNATURE_HEADER = "Docket-Signature";

  /** Names the delivery, so a receiver can drop a repeat (delivery is at least once). */
  public static final String DELIVERY_HEADER = "Docket-Delivery";

  /** Rounds per pass: a job's next delivery becomes due the moment the previous one lands. */
  private static final int MAX_ROUNDS = 20;

  private final WebhookOutbox outbox;
  private final WebhookTransport transport;
  private final AddressPolicy policy;
  private final byte[] secret;
  private final WebhookSettings settings;
  private final Clock clock;

  public WebhookSender(
      WebhookOutbox outbox,
      WebhookTransport transport,
      AddressPolicy policy,
      String secret,
      WebhookSettings settings,
      Clock clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook signing secret is required");
    }
    this.outbox = outbox;
    this.transport = transport;
    this.policy = policy;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Sends what is due now, until nothing is (a job's later deliveries included, as the earlier ones
   * land).
   *
   * @return how many attempts were made
   */
  public int deliverDue() {
    int attempts = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<WebhookClaim> claims = outbox.claimDue(settings.batch(), settings.lease());
      if (claims.isEmpty()) {
        break;
      }
      sendAll(claims);
      attempts += claims.size();
    }
    return attempts;
  }

  private void sendAll(List<WebhookClaim> claims) {
    if (claims.size() == 1) {
      attempt(claims.get(0));
      return;
    }
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>(claims.size());
      for (WebhookClaim c : claims) {
        running.add(pool.submit(() -> attempt(c)));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          // the store failed to take an outcome: the lease runs out and the attempt is made again
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException("webhook attempt failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void attempt(WebhookClaim claim) {
    WebhookDelivery d = claim.delivery();
    Outcome outcome = send(d);
    Instant now = outbox.now();
    WebhookDelivery next =
        outcome.delivered()
            ? d.delivered(outcome.statusCode(), now)
            : d.attemptFailed(outcome.statusCode(), outcome.error(), retryAt(d, now));
    outbox.finish(next, claim.token());
  }

  private Outcome send(WebhookDelivery d) {
    URI url;
    try {
      url = URI.create(d.url());
    } catch (IllegalArgumentException e) {
      return Outcome.failed(null, "not a valid URL");
    }
    Optional<String> refused = policy.refusalAtDelivery(url);
    if (refused.isPresent()) {
      return Outcome.failed(null, "refused: " + refused.get());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put(SIGNATURE_HEADER, signatureHeader(clock.instant().getEpochSecond(), d.body()));
    headers.put(DELIVERY_HEADER, d.id().toString());
    try {
      int status = transport.post(url, d.body(), headers);
      return status >= 200 && status < 300
          ? new Outcome(true, status, null)
          : Outcome.failed(status, "HTTP " + status + " from the receiver");
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? "" : ": " + e.getMessage();
      return Outcome.failed(null, e.getClass().getSimpleName() + message);
    }
  }

  /** The next attempt's time, never past the give-up time; null once that has come. */
  private Instant retryAt(WebhookDelivery d, Instant now) {
    Instant giveUp = d.createdAt().plus(settings.giveUpAfter());
    if (!now.isBefore(giveUp)) {
      return null;
    }
    Instant next =
        now.plus(settings.backoff().delay(d.attempts() + 1, ThreadLocalRandom.current()));
    return next.isAfter(giveUp) ? giveUp : next;
  }

  /** {@code t=<t>,v1=<hex HMAC-SHA256 of "t.body">}. */
  public String signatureHeader(long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
  }

  static String hmacHex(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private record Outcome(boolean delivered, Integer statusCode, String error) {
    static Outcome failed(Integer statusCode, String error) {
      return new Outcome(false, statusCode, error);
    }
  }
}
