package dev.docket.ports;

import dev.docket.domain.AuditEntry;

/** The append-only audit trail. */
public interface AuditLog {
  void append(AuditEntry entry);

  /**
   * Appends {@code first} (whose details are a JSON object with {@code "count": 1}) unless an entry
   * with the same {@code coalesceKey} exists; then adds one to that entry's {@code count} instead.
   * A flood of like events (failed authentications) so costs one row per key, not one per event.
   */
  void appendCoalesced(AuditEntry first, String coalesceKey);

  Page<AuditEntry> list(AuditQuery query);
}
