package dev.docket.domain;

import java.util.Locale;

/** Where a webhook delivery stands: waiting to be (re)sent, delivered, or given up. */
public enum WebhookStatus {
  PENDING,
  DELIVERED,
  FAILED;

  /** The lower-case name used on the wire and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException when the name is not a status
   */
  public static WebhookStatus fromWire(String value) {
    for (WebhookStatus s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown webhook delivery status '" + value + "'");
  }
}
