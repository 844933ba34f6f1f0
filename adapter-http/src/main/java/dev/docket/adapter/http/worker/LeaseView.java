package dev.docket.adapter.http.worker;

import java.time.Instant;

/** The answer to a heartbeat. */
record LeaseView(Instant leaseExpiresAt) {}
