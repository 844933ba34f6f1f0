package dev.docket.adapter.http;

/** A failed attempt; {@code retryable} defaults to true. */
record FailBody(String leaseToken, String error, Boolean retryable) {}
