package dev.docket.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** Time-ordered UUIDv7 ids (RFC 9562), so sorting by id sorts by creation. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Object LOCK = new Object();
  private static long lastMillis = -1;
  private static long sequence;
  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  public static UUID newId() {
    return newId(Instant.now());
  }

  /**
   * A UUIDv7 for the given instant. Within one millisecond of one process the 12-bit {@code rand_a}
   * field counts up, so ids made here are strictly increasing.
   */
  public static UUID newId(Instant at) {
    long millis;
    long seq;
    synchronized (LOCK) {
      millis = Math.max(at.toEpochMilli(), lastMillis);
      if (millis == lastMillis) {
        sequence++;
        if (sequence > 0xFFF) {
          millis++;
          sequence = 0;
        }
      } else {
        sequence = RANDOM.nextInt(0x400);
      }
      lastMillis = millis;
      seq = sequence;
    }
    long msb = (millis << 16) | 0x7000L | seq;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** The creation time encoded in a UUIDv7. */
  public static Instant instantOf(UUID id) {
    return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
  }

  /**
   * Parses an id given by a client.
   *
   * @throws ValidationException when it is not a UUID
   */
  public static UUID parse(String field, String text) {
    try {
      // UUID.fromString alone also takes signs and misplaced dashes
      if (text == null || !CANONICAL.matcher(text).matches()) {
        throw new IllegalArgumentException();
      }
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "not a valid id");
    }
  }
}
