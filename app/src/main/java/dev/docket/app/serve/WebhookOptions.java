package dev.docket.app.serve;

import dev.docket.app.UsageException;
import dev.docket.ports.usecase.AddressPolicy;
import dev.docket.ports.usecase.WebhookSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How {@code serve} sends webhooks, from the environment: {@code DOCKET_WEBHOOK_SECRET} (the
 * signing secret; when unset, one is generated on the first start and kept in the database, so
 * every instance and restart signs alike), {@code DOCKET_WEBHOOK_ALLOW_PRIVATE=true} (any
 * destination, private networks included) and {@code DOCKET_WEBHOOK_ALLOW_HOSTS=host1,host2} (these
 * hosts whatever they resolve to).
 *
 * @param secret null to use (or generate) the one kept in the database
 * @param every how often due deliveries are looked for
 */
record WebhookOptions(
    String secret,
    boolean allowPrivate,
    Set<String> allowHosts,
    WebhookSettings settings,
    Duration every) {
  static final String SECRET_ENV = "DOCKET_WEBHOOK_SECRET";
  static final String ALLOW_PRIVATE_ENV = "DOCKET_WEBHOOK_ALLOW_PRIVATE";
  static final String ALLOW_HOSTS_ENV = "DOCKET_WEBHOOK_ALLOW_HOSTS";
  static final Duration EVERY = Duration.ofSeconds(1);

  static final WebhookOptions DEFAULTS =
      new WebhookOptions(null, false, Set.of(), WebhookSettings.DEFAULT, EVERY);

  WebhookOptions {
    allowHosts = Set.copyOf(allowHosts);
  }

  /**
   * Reads the variables.
   *
   * @throws UsageException when {@code DOCKET_WEBHOOK_ALLOW_PRIVATE} is not true or false
   */
  static WebhookOptions fromEnv(Function<String, String> env) {
    String secret = env.apply(SECRET_ENV);
    return new WebhookOptions(
        secret == null || secret.isBlank() ? null : secret,
        bool(ALLOW_PRIVATE_ENV, env.apply(ALLOW_PRIVATE_ENV)),
        hosts(env.apply(ALLOW_HOSTS_ENV)),
        WebhookSettings.DEFAULT,
        EVERY);
  }

  /** Where webhooks may go, by these options, resolving names with the system resolver. */
  AddressPolicy policy() {
    return new AddressPolicy(allowPrivate, allowHosts, InetAddress::getAllByName);
  }

  WebhookOptions withSettings(WebhookSettings s, Duration pollEvery) {
    return new WebhookOptions(secret, allowPrivate, allowHosts, s, pollEvery);
  }

  private static boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new UsageException(name + " must be true or false, not '" + value + "'");
    };
  }

  private static Set<String> hosts(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(h -> !h.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
