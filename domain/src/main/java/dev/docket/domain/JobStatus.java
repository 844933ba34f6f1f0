package dev.docket.domain;

import java.util.Locale;

/** The states of a job. {@code succeeded}, {@code failed} and {@code cancelled} are terminal. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name used on the wire and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws ValidationException when the name is not a status
   */
  public static JobStatus fromWire(String field, String value) {
    for (JobStatus s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    throw ValidationException.of(field, "unknown status '" + value + "'");
  }
}
