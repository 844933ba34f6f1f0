package dev.docket.ports;

import dev.docket.domain.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox of webhook deliveries. Rows are added by the {@link JobRepository} in the transaction
 * of the transition that owes them ({@link dev.docket.domain.Transition#deliveries()}); this port
 * hands them to senders and keeps their outcome. All state is in the store, so deliveries survive
 * restarts, and several senders (threads, processes, server instances) may share one store.
 */
public interface WebhookOutbox {

  /** The store's clock, to the millisecond. Due times and leases are judged against it. */
  Instant now();

  /**
   * Claims at most {@code limit} deliveries that are due: pending, {@code nextAttemptAt <= now()},
   * not leased by another sender (or their lease ran out), and the oldest pending delivery of their
   * job (lowest {@code seq}), so a job's delivery is never handed out while an earlier one of the
   * same job is still pending. Each claimed delivery is leased for {@code lease} under a fresh
   * token; a delivery is never held by two senders whose leases overlap.
   */
  List<WebhookClaim> claimDue(int limit, Duration lease);

  /**
   * Stores the outcome of an attempt ({@code attempted}: status, attempts, last status code and
   * error, next attempt, delivered time) and ends the lease, if {@code token} still holds it.
   *
   * @return false (and nothing written) when the lease was lost to another sender meanwhile
   */
  boolean finish(WebhookDelivery attempted, String token);

  /** Every delivery of a job, newest first (highest {@code seq} first); empty for none. */
  List<WebhookDelivery> listByJob(UUID jobId);

  /**
   * The signing secret shared by everyone on this store: the one stored, or {@code candidate} after
   * storing it when there is none yet. Concurrent first calls agree on one secret.
   */
  String signingSecret(String candidate);
}
