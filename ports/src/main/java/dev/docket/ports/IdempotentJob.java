package dev.docket.ports;

import dev.docket.domain.Job;

/** A job found by its owner's idempotency key, with the fingerprint of the request that made it. */
public record IdempotentJob(Job job, String requestHash) {}
