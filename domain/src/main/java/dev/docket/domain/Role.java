package dev.docket.domain;

import java.util.Locale;

/** What a user may do. A user may hold several roles. */
public enum Role {
  ADMIN,
  SUBMITTER,
  WORKER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws ValidationException when the name is not a role
   */
  public static Role fromWire(String field, String value) {
    for (Role r : values()) {
      if (r.wire().equals(value)) {
        return r;
      }
    }
    throw ValidationException.of(
        field, "unknown role '" + value + "'; expected admin, submitter or worker");
  }
}
