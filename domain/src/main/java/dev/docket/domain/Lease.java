package dev.docket.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Lease arithmetic and tokens. A lease is held while {@code now < expiresAt}. */
public final class Lease {
  public static final Duration MIN = Duration.ofSeconds(5);
  public static final Duration MAX = Duration.ofSeconds(3600);
  public static final Duration DEFAULT = Duration.ofSeconds(60);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Lease() {}

  public static Instant expiresAt(Instant now, Duration length) {
    return now.plus(length);
  }

  public static boolean isExpired(Instant expiresAt, Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** A fresh, unguessable fencing token (128 random bits). */
  public static String newToken() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return "lt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
