package dev.docket.adapter.http.ops;

/** {@code {"status": ...}} of the health endpoints. */
record StatusView(String status) {}
