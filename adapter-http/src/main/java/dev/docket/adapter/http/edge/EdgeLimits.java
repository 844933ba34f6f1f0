package dev.docket.adapter.http.edge;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server one client can hold. {@code idleTimeout} closes a connection that sends
 * nothing; {@code headerTimeout} closes one whose request line and headers take longer than that to
 * arrive, however slowly they trickle in; {@code maxConnections} bounds open connections (more wait
 * in the accept queue), and while the bound is reached idle connections are closed after {@code
 * busyIdleTimeout} instead.
 */
public record EdgeLimits(
    int maxConnections, Duration idleTimeout, Duration headerTimeout, Duration busyIdleTimeout) {
  public static final EdgeLimits DEFAULT =
      new EdgeLimits(4096, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2));

  public EdgeLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    Objects.requireNonNull(busyIdleTimeout, "busyIdleTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
  }
}
