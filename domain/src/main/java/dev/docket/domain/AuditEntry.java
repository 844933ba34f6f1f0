package dev.docket.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Who did what to which resource. {@code action} is {@code <resource>.<verb>} such as {@code
 * user.create}; {@code details} is a JSON object; {@code actorId} is a user id, {@code cli} for the
 * command line, or null for anonymous callers.
 */
public record AuditEntry(
    UUID id,
    Instant at,
    String actorId,
    String action,
    String resource,
    String resourceId,
    String details,
    String remoteAddr) {
  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(details, "details");
    at = at.truncatedTo(ChronoUnit.MILLIS);
  }
}
