package dev.docket.adapter.http.users;

import java.time.Instant;

/** A new key: a name and an optional expiry. */
record KeyBody(String name, Instant expiresAt) {}
