package dev.docket.ports.usecase;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go. By default only public addresses: a webhook must not become a way to reach
 * the server's own network (loopback, private, link-local, unique-local, shared, unspecified or
 * multicast addresses). The operator may allow every address, or name hosts that are allowed
 * whatever they resolve to. The check runs at submit and again before every attempt, after DNS
 * resolution, since a name may point elsewhere by then.
 */
public final class AddressPolicy {
  /** Public addresses only, resolved with the system resolver. */
  public static final AddressPolicy DEFAULT =
      new AddressPolicy(false, Set.of(), InetAddress::getAllByName);

  /** Looks a host up; a test can swap in its own answers. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final Set<String> allowedHosts;
  private final Resolver resolver;

  /**
   * @param allowPrivate every destination is allowed (for private deployments and tests)
   * @param allowedHosts host names or address literals allowed whatever they resolve to
   */
  public AddressPolicy(boolean allowPrivate, Set<String> allowedHosts, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.allowedHosts =
        allowedHosts.stream().map(AddressPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * Checks a submitted URL (already known to be http or https with a host). A host that does not
   * resolve now passes: it is checked again before each attempt.
   *
   * @return why the URL is refused (its host is or resolves to an address that is not allowed), or
   *     empty
   */
  public Optional<String> refusalAtSubmit(String url) {
    return url == null ? Optional.empty() : refusal(URI.create(url), false);
  }

  /**
   * Checks a URL right before sending to it.
   *
   * @return why it may not be sent to (including a host that does not resolve), or empty
   */
  public Optional<String> refusalAtDelivery(URI url) {
    return refusal(url, true);
  }

  private Optional<String> refusal(URI url, boolean unresolvedIsRefused) {
    String host = url.getHost() == null ? "" : normalize(url.getHost());
    if (allowPrivate || allowedHosts.contains(host)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return unresolvedIsRefused
          ? Optional.of("host " + host + " does not resolve")
          : Optional.empty();
    }
    for (InetAddress a : addresses) {
      if (!isPublic(a)) {
        return Optional.of(
            "must not point to a private, loopback or link-local address ("
                + host
                + " is "
                + a.getHostAddress()
                + ")");
      }
    }
    return Optional.empty();
  }

  /** Whether {@code a} is a globally routable unicast address. */
  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean thisNetwork = first == 0;
      boolean shared = first == 100 && second >= 64 && second <= 127; // 100.64.0.0/10 (CGNAT)
      boolean broadcast = first == 255;
      return !(thisNetwork || shared || broadcast);
    }
    if (a instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
      return !uniqueLocal && !isMappedPrivate(b);
    }
    return true;
  }

  /** {@code ::ffff:a.b.c.d} and {@code ::a.b.c.d} judged by their IPv4 address. */
  private static boolean isMappedPrivate(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0;
    if (!mapped && !compatible) {
      return false;
    }
    try {
      byte[] v4 = {b[12], b[13], b[14], b[15]};
      return !isPublic(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private static String normalize(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
