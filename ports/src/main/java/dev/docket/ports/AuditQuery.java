package dev.docket.ports;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit log; null means "any". Newest first, {@code afterId} pages. */
public record AuditQuery(
    String action, String resource, String actorId, Instant since, UUID afterId, int limit) {}
