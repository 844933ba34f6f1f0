package dev.docket.ports.usecase;

import dev.docket.domain.AuditEntry;
import dev.docket.domain.Ids;
import dev.docket.ports.AuditLog;
import dev.docket.ports.AuditQuery;
import dev.docket.ports.Page;
import java.time.Clock;

/** Writes and reads the audit trail. */
public final class AuditService {
  private final AuditLog log;
  private final Clock clock;

  public AuditService(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Records {@code action} on a resource by {@code actor}; {@code details} is a JSON object. */
  public void record(
      Actor actor, String action, String resource, String resourceId, String details) {
    record(actor.id(), actor.remoteAddr(), action, resource, resourceId, details);
  }

  /** Records an entry for a caller that may be anonymous ({@code actorId} null). */
  public void record(
      String actorId,
      String remoteAddr,
      String action,
      String resource,
      String resourceId,
      String details) {
    var at = clock.instant();
    log.append(
        new AuditEntry(
            Ids.newId(at), at, actorId, action, resource, resourceId, details, remoteAddr));
  }

  /**
   * Records an anonymous entry that counts into an existing one with the same {@code coalesceKey}
   * (see {@link AuditLog#appendCoalesced}); {@code details} must hold {@code "count": 1}.
   */
  public void recordCoalesced(
      String remoteAddr, String action, String resource, String details, String coalesceKey) {
    var at = clock.instant();
    log.appendCoalesced(
        new AuditEntry(Ids.newId(at), at, null, action, resource, null, details, remoteAddr),
        coalesceKey);
  }

  /** The trail, newest first; admins only. */
  public Page<AuditEntry> list(Actor actor, AuditQuery query) {
    Access.requireAdmin(actor);
    return log.list(query);
  }
}
