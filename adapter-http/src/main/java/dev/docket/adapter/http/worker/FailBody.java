package dev.docket.adapter.http.worker;

/** A failed attempt; {@code retryable} defaults to true. */
record FailBody(String leaseToken, String error, Boolean retryable) {}
