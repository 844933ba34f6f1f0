package dev.docket.domain;

import java.util.Objects;

/** An event a worker wants appended; the store gives it its seq and time. */
public record EventDraft(String type, String data) {
  public EventDraft {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }

  /** The {@code status} event of a change {@code from → to} ({@code from} null at creation). */
  static EventDraft status(JobStatus from, JobStatus to, int attempt, String error) {
    StringBuilder data = new StringBuilder("{\"from\":");
    data.append(from == null ? "null" : Json.quote(from.wire()));
    data.append(",\"to\":").append(Json.quote(to.wire()));
    data.append(",\"attempt\":").append(attempt);
    if (error != null) {
      data.append(",\"error\":").append(Json.quote(error));
    }
    data.append('}');
    return new EventDraft(JobEvent.STATUS, data.toString());
  }

  static EventDraft progress(double p) {
    return new EventDraft(JobEvent.PROGRESS, Json.number(p));
  }

  /** The percentage a {@code progress} event sets, or null when it sets none. */
  Double progressValue() {
    if (!type.equals(JobEvent.PROGRESS)) {
      return null;
    }
    try {
      double p = Double.parseDouble(data.strip());
      return p >= 0 && p <= 100 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
