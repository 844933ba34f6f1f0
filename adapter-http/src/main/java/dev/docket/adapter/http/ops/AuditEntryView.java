package dev.docket.adapter.http.ops;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.docket.domain.AuditEntry;
import java.time.Instant;
import java.util.UUID;

/** An audit entry on the wire; {@code details} is the stored JSON object. */
record AuditEntryView(
    UUID id,
    Instant at,
    String actorId,
    String action,
    String resource,
    String resourceId,
    @JsonRawValue String details,
    String remoteAddr) {
  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.id(),
        e.at(),
        e.actorId(),
        e.action(),
        e.resource(),
        e.resourceId(),
        e.details(),
        e.remoteAddr());
  }
}
