package dev.docket.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A job and its state machine. Every rule returns a {@link Transition}: the next state plus the
 * events (a {@code status} event for every status change) that must be stored with it, and for a
 * job with a webhook URL one {@link WebhookDelivery} per status change. Instants are kept to the
 * millisecond, the precision of the wire format and of every store.
 *
 * <p>{@code payload}, {@code metadata} and {@code result} are JSON text. {@code leaseToken} stays
 * on a job after its lease ends so that the last holder can be told "cancelled" rather than "lease
 * lost"; only {@code leaseExpiresAt} says whether a lease is held. {@code version} grows with every
 * stored change and lets a store check that nobody wrote in between.
 */
public record Job(
    UUID id,
    UUID ownerId,
    String queue,
    String kind,
    JobStatus status,
    String payload,
    String metadata,
    String result,
    String error,
    int priority,
    int attempt,
    int maxAttempts,
    Instant runAt,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant finishedAt,
    double progress,
    String workerId,
    UUID leasedBy,
    String leaseToken,
    Instant leaseExpiresAt,
    String idempotencyKey,
    String webhookUrl,
    long eventCount,
    long version) {

  public static final String LEASE_EXPIRED = "lease expired";

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    runAt = ms(runAt);
    createdAt = ms(createdAt);
    updatedAt = ms(updatedAt);
    startedAt = ms(startedAt);
    finishedAt = ms(finishedAt);
    leaseExpiresAt = ms(leaseExpiresAt);
  }

  private static Instant ms(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A new queued job with its creation event (seq 0). The spec must already be valid.
   *
   * @throws ValidationException when it is not
   */
  public static Transition create(UUID id, UUID ownerId, JobSpec spec, Instant now) {
    Rules.throwIfAny(spec.validate(""));
    Job job =
        new Job(
            id,
            ownerId,
            spec.queueOrDefault(),
            spec.kind(),
            JobStatus.QUEUED,
            spec.payload() == null ? "{}" : spec.payload(),
            spec.metadata() == null ? "{}" : spec.metadata(),
            null,
            null,
            spec.priority() == null ? 0 : spec.priority(),
            0,
            spec.maxAttemptsOrDefault(),
            spec.runAt() == null ? now : spec.runAt(),
            now,
            now,
            null,
            null,
            0.0,
            null,
            null,
            null,
            null,
            spec.idempotencyKey(),
            spec.webhookUrl(),
            0,
            0);
    return job.moveTo(null, job, now, null);
  }

  /** Whether a lease is held right now (running and not yet expired). */
  public boolean leaseHeldAt(Instant now) {
    return status == JobStatus.RUNNING
        && leaseExpiresAt != null
        && !Lease.isExpired(leaseExpiresAt, now);
  }

  /**
   * Claimed by a worker: {@code queued → running}, attempt counted, a fresh lease. {@code claimant}
   * is the user whose key claimed it (it may read the job while it holds the lease).
   */
  public Transition claim(UUID claimant, String worker, String token, Instant now, Duration lease) {
    require(status == JobStatus.QUEUED, "claim");
    Job next =
        with(JobStatus.RUNNING, now)
            .withAttempt(attempt + 1)
            .withLease(claimant, worker, token, Lease.expiresAt(now, lease), now)
            .withProgress(0.0);
    return moveTo(status, next, now, null);
  }

  /**
   * Extends the lease and records progress (a {@code progress} event when it changed). Without a
   * lease length the lease is extended by the length last granted (by the claim or the previous
   * heartbeat), so a worker that claimed for 5 s keeps 5 s leases.
   */
  public Transition heartbeat(String token, Instant now, Double newProgress, Duration lease) {
    checkLease(token, now);
    Instant expiry = Lease.expiresAt(now, lease == null ? lastGrantedLease() : lease);
    Job next =
        copy(
            status,
            result,
            error,
            runAt,
            now,
            startedAt,
            finishedAt,
            progress,
            workerId,
            leaseToken,
            expiry,
            eventCount);
    List<EventDraft> drafts = new ArrayList<>();
    if (newProgress != null && newProgress != progress) {
      next = next.withProgress(newProgress);
      drafts.add(new EventDraft(JobEvent.PROGRESS, Json.number(newProgress)));
    }
    return next.appendTo(drafts, now);
  }

  /** The lease length granted at the last claim or heartbeat (both set {@code updatedAt}). */
  private Duration lastGrantedLease() {
    Duration granted = Duration.between(updatedAt, leaseExpiresAt);
    return granted.isNegative() || granted.isZero() ? Lease.DEFAULT : granted;
  }

  /** {@code running → succeeded} with the worker's result (JSON text, may be null). */
  public Transition complete(String token, Instant now, String resultJson) {
    checkLease(token, now);
    Job next =
        copy(
            JobStatus.SUCCEEDED,
            resultJson,
            null,
            runAt,
            now,
            startedAt,
            now,
            100.0,
            workerId,
            leaseToken,
            null,
            eventCount);
    return moveTo(status, next, now, null);
  }

  /**
   * A worker reports failure: back to {@code queued} after {@code delay} while attempts remain and
   * the error is retryable, else {@code failed}.
   */
  public Transition fail(
      String token, Instant now, String message, boolean retryable, Duration delay) {
    checkLease(token, now);
    return failOrRequeue(now, message, retryable, delay);
  }

  /** The lease ran out without an outcome: requeued with backoff while attempts remain. */
  public Transition expireLease(Instant now, Duration delay) {
    if (status != JobStatus.RUNNING || !Lease.isExpired(leaseExpiresAt, now)) {
      throw new IllegalTransitionException(status, "expire the lease of");
    }
    return failOrRequeue(now, LEASE_EXPIRED, true, delay);
  }

  /** {@code queued | running → cancelled}. The holder learns it at its next call. */
  public Transition cancel(Instant now) {
    require(status == JobStatus.QUEUED || status == JobStatus.RUNNING, "cancel");
    Job next =
        copy(
            JobStatus.CANCELLED,
            result,
            error,
            runAt,
            now,
            startedAt,
            now,
            progress,
            workerId,
            leaseToken,
            null,
            eventCount);
    return moveTo(status, next, now, null);
  }

  /** {@code failed | cancelled → queued}, attempts counted from zero again. */
  public Transition retry(Instant now) {
    require(status == JobStatus.FAILED || status == JobStatus.CANCELLED, "retry");
    Job next =
        copy(JobStatus.QUEUED, null, null, now, now, null, null, 0.0, null, null, null, eventCount)
            .withAttempt(0);
    return moveTo(status, next, now, null);
  }

  /**
   * Appends client events. With a token the caller must hold the lease; without one (an admin) any
   * job that is not terminal takes them. A {@code progress} event with a number also sets {@link
   * #progress}.
   */
  public Transition append(String token, Instant now, List<EventDraft> drafts) {
    if (token != null) {
      checkLease(token, now);
    } else if (status.isTerminal()) {
      throw new IllegalTransitionException(status, "append events to");
    }
    Job next = this;
    for (EventDraft d : drafts) {
      if (d.type().equals(JobEvent.PROGRESS)) {
        Double p = parseProgress(d.data());
        if (p != null) {
          next = next.withProgress(p);
        }
      }
    }
    return next.appendTo(drafts, now);
  }

  /**
   * Checks that {@code token} is the current, unexpired lease.
   *
   * @throws JobCancelledException when the job was cancelled under this lease
   * @throws LeaseLostException otherwise when the token does not hold the job
   */
  public void checkLease(String token, Instant now) {
    if (token == null || !token.equals(leaseToken)) {
      throw new LeaseLostException(id);
    }
    if (status == JobStatus.CANCELLED) {
      throw new JobCancelledException(id);
    }
    if (status != JobStatus.RUNNING || Lease.isExpired(leaseExpiresAt, now)) {
      throw new LeaseLostException(id);
    }
  }

  private Transition failOrRequeue(Instant now, String message, boolean retryable, Duration delay) {
    boolean again = retryable && attempt < maxAttempts;
    Job next =
        again
            ? copy(
                JobStatus.QUEUED,
                null,
                message,
                now.plus(delay),
                now,
                startedAt,
                null,
                progress,
                null,
                null,
                null,
                eventCount)
            : copy(
                JobStatus.FAILED,
                null,
                message,
                runAt,
                now,
                startedAt,
                now,
                progress,
                workerId,
                leaseToken,
                null,
                eventCount);
    return moveTo(status, next, now, message);
  }

  private Transition moveTo(JobStatus from, Job next, Instant now, String why) {
    StringBuilder data = new StringBuilder("{\"from\":");
    data.append(from == null ? "null" : Json.quote(from.wire()));
    data.append(",\"to\":").append(Json.quote(next.status.wire()));
    data.append(",\"attempt\":").append(next.attempt);
    if (why != null) {
      data.append(",\"error\":").append(Json.quote(why));
    }
    data.append('}');
    Transition t =
        next.appendTo(List.of(new EventDraft(JobEvent.STATUS, data.toString())), now, from == null);
    if (next.webhookUrl == null) {
      return t;
    }
    // the job as stored after this transition, keyed by the seq of its status event
    Job stored = t.job();
    WebhookDelivery hook = WebhookDelivery.jobStatus(stored, stored.eventCount - 1, now);
    return new Transition(stored, t.events(), List.of(hook));
  }

  private Transition appendTo(List<EventDraft> drafts, Instant now) {
    return appendTo(drafts, now, false);
  }

  private Transition appendTo(List<EventDraft> drafts, Instant now, boolean fresh) {
    List<JobEvent> events = new ArrayList<>(drafts.size());
    long seq = eventCount;
    for (EventDraft d : drafts) {
      events.add(new JobEvent(id, seq++, d.type(), d.data(), now));
    }
    Job next =
        copy(
            status,
            result,
            error,
            runAt,
            updatedAt,
            startedAt,
            finishedAt,
            progress,
            workerId,
            leaseToken,
            leaseExpiresAt,
            seq);
    return new Transition(fresh ? next : next.bumpVersion(), events);
  }

  private static Double parseProgress(String data) {
    try {
      double p = Double.parseDouble(data.strip());
      return p >= 0 && p <= 100 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw new IllegalTransitionException(status, action);
    }
  }

  private Job with(JobStatus s, Instant now) {
    return copy(
        s,
        result,
        error,
        runAt,
        now,
        now,
        finishedAt,
        progress,
        workerId,
        leaseToken,
        leaseExpiresAt,
        eventCount);
  }

  private Job withAttempt(int a) {
    return new Job(
        id,
        ownerId,
        queue,
        kind,
        status,
        payload,
        metadata,
        result,
        error,
        priority,
        a,
        maxAttempts,
        runAt,
        createdAt,
        updatedAt,
        startedAt,
        finishedAt,
        progress,
        workerId,
        leasedBy,
        leaseToken,
        leaseExpiresAt,
        idempotencyKey,
        webhookUrl,
        eventCount,
        version);
  }

  private Job withLease(UUID claimant, String worker, String token, Instant expiry, Instant now) {
    return new Job(
        id,
        ownerId,
        queue,
        kind,
        status,
        payload,
        metadata,
        result,
        error,
        priority,
        attempt,
        maxAttempts,
        runAt,
        createdAt,
        now,
        startedAt,
        finishedAt,
        progress,
        worker,
        claimant,
        token,
        expiry,
        idempotencyKey,
        webhookUrl,
        eventCount,
        version);
  }

  private Job withProgress(double p) {
    return copy(
        status,
        result,
        error,
        runAt,
        updatedAt,
        startedAt,
        finishedAt,
        p,
        workerId,
        leaseToken,
        leaseExpiresAt,
        eventCount);
  }

  private Job bumpVersion() {
    return new Job(
        id,
        ownerId,
        queue,
        kind,
        status,
        payload,
        metadata,
        result,
        error,
        priority,
        attempt,
        maxAttempts,
        runAt,
        createdAt,
        updatedAt,
        startedAt,
        finishedAt,
        progress,
        workerId,
        leasedBy,
        leaseToken,
        leaseExpiresAt,
        idempotencyKey,
        webhookUrl,
        eventCount,
        version + 1);
  }

  private Job copy(
      JobStatus s,
      String res,
      String err,
      Instant run,
      Instant updated,
      Instant started,
      Instant finished,
      double prog,
      String worker,
      String token,
      Instant expiry,
      long events) {
    return new Job(
        id,
        ownerId,
        queue,
        kind,
        s,
        payload,
        metadata,
        res,
        err,
        priority,
        attempt,
        maxAttempts,
        run,
        createdAt,
        updated,
        started,
        finished,
        prog,
        worker,
        worker == null ? null : leasedBy,
        token,
        expiry,
        idempotencyKey,
        webhookUrl,
        events,
        version);
  }
}
