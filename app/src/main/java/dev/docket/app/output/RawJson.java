package dev.docket.app.output;

/** JSON text to embed as it is (a job's payload, an event's data), not as a string. */
record RawJson(String text) {
  /** The text as raw JSON, or null (JSON {@code null}) when there is none. */
  static RawJson of(String text) {
    return text == null ? null : new RawJson(text);
  }
}
