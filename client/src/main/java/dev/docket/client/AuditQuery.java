package dev.docket.client;

import dev.docket.client.model.Page;
import java.time.Instant;

/**
 * Filters of {@code GET /v1/audit}; a null field is no filter.
 *
 * @param action e.g. {@code user.create}
 * @param resource e.g. {@code user}
 * @param actorId the acting user's id
 * @param since at or after
 * @param limit page size
 * @param cursor the previous page's {@link Page#nextCursor()}
 */
public record AuditQuery(
    String action, String resource, String actorId, Instant since, Integer limit, String cursor) {

  /** No filter. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null);
  }

  /** Only entries of this action, e.g. {@code user.create}. */
  public AuditQuery withAction(String action) {
    return new AuditQuery(action, resource, actorId, since, limit, cursor);
  }

  /** Only entries about this resource type, e.g. {@code user}. */
  public AuditQuery withResource(String resource) {
    return new AuditQuery(action, resource, actorId, since, limit, cursor);
  }

  /** Only entries by this user. */
  public AuditQuery withActorId(String actorId) {
    return new AuditQuery(action, resource, actorId, since, limit, cursor);
  }

  /** Only entries at or after this time. */
  public AuditQuery withSince(Instant since) {
    return new AuditQuery(action, resource, actorId, since, limit, cursor);
  }

  /** At most this many entries per page. */
  public AuditQuery withLimit(int limit) {
    return new AuditQuery(action, resource, actorId, since, limit, cursor);
  }

  /** The page after the one that gave this cursor. */
  public AuditQuery withCursor(String cursor) {
    return new AuditQuery(action, resource, actorId, since, limit, cursor);
  }

  Query toQuery() {
    return new Query()
        .add("action", action)
        .add("resource", resource)
        .add("actor_id", actorId)
        .add("since", since)
        .add("limit", limit)
        .add("cursor", cursor);
  }
}
