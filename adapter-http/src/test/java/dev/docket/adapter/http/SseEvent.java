package dev.docket.adapter.http;

/** One message of an event stream as received: an event (id may be null) or a comment. */
record SseEvent(String id, String event, String data, String comment) {
  boolean isComment() {
    return comment != null;
  }
}
