package dev.docket.ports;

import dev.docket.domain.AuditEntry;

/** The append-only audit trail. */
public interface AuditLog {
  void append(AuditEntry entry);

  Page<AuditEntry> list(AuditQuery query);
}
