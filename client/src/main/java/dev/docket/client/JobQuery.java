package dev.docket.client;

import dev.docket.client.model.Page;
import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code GET /v1/jobs}; a null field is no filter. Start from {@link #all()} and narrow
 * with the {@code with...} methods.
 *
 * @param statuses any of these statuses
 * @param queue this queue
 * @param kind this kind
 * @param ownerId this owner (admins; a submitter may only name itself)
 * @param since created at or after
 * @param until created before
 * @param limit page size (1-1000, default 50)
 * @param cursor the previous page's {@link Page#nextCursor()}
 */
public record JobQuery(
    List<String> statuses,
    String queue,
    String kind,
    String ownerId,
    Instant since,
    Instant until,
    Integer limit,
    String cursor) {

  /** No filter: the first page of every job the caller may see. */
  public static JobQuery all() {
    return new JobQuery(null, null, null, null, null, null, null, null);
  }

  /** Only jobs in any of these statuses. */
  public JobQuery withStatuses(String... statuses) {
    return new JobQuery(List.of(statuses), queue, kind, ownerId, since, until, limit, cursor);
  }

  /** Only jobs of this queue. */
  public JobQuery withQueue(String queue) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  /** Only jobs of this kind. */
  public JobQuery withKind(String kind) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  /** Only jobs of this owner (admins; a submitter may only name itself). */
  public JobQuery withOwnerId(String ownerId) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  /** Only jobs created at or after this time. */
  public JobQuery withSince(Instant since) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  /** Only jobs created before this time. */
  public JobQuery withUntil(Instant until) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  /** At most this many jobs per page (1-1000). */
  public JobQuery withLimit(int limit) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  /** The page after the one that gave this cursor. */
  public JobQuery withCursor(String cursor) {
    return new JobQuery(statuses, queue, kind, ownerId, since, until, limit, cursor);
  }

  Query toQuery() {
    return new Query()
        .add("status", statuses == null ? null : String.join(",", statuses))
        .add("queue", queue)
        .add("kind", kind)
        .add("owner_id", ownerId)
        .add("since", since)
        .add("until", until)
        .add("limit", limit)
        .add("cursor", cursor);
  }
}
