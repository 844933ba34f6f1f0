package dev.docket.adapter.http;

/** {@code {"status": ...}} of the health endpoints. */
record StatusView(String status) {}
