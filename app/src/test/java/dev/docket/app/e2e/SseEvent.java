package dev.docket.app.e2e;

/** One Server-Sent Event as received: {@code id} is null when the server sent none. */
record SseEvent(String id, String event, String data) {}
