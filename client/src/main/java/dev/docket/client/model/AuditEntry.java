package dev.docket.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One audited action, such as {@code user.create} or {@code auth.failed}. */
public record AuditEntry(
    String id,
    Instant at,
    String actorId,
    String action,
    String resource,
    String resourceId,
    JsonNode details,
    String remoteAddr) {}
