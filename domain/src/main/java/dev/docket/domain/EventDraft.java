package dev.docket.domain;

import java.util.Objects;

/** An event a worker wants appended; the store gives it its seq and time. */
public record EventDraft(String type, String data) {
  public EventDraft {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
