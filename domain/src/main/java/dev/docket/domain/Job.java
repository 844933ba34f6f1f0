package dev.docket.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A job and its state machine. A job is four parts: what was fixed at {@link JobSubmission
 * submission}, its moving {@link JobState state}, its current or last {@link JobLease lease} and
 * the {@link JobOutcome outcome} of its last attempt. Every rule returns a {@link Transition}: the
 * next job (the parts the rule changes replaced, the others kept) plus the events (a {@code status}
 * event for every status change) that must be stored with it, and for a job with a webhook URL one
 * {@link WebhookDelivery} per status change. Instants are kept to the millisecond, the precision of
 * the wire format and of every store.
 *
 * <p>The flat accessors ({@link #queue()}, {@link #leaseExpiresAt()}, …) read through to the parts.
 */
public record Job(JobSubmission submission, JobState state, JobLease lease, JobOutcome outcome) {

  public static final String LEASE_EXPIRED = "lease expired";

  public Job {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(outcome, "outcome");
  }

  static Instant ms(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A new queued job with its creation event (seq 0). The spec must already be valid.
   *
   * @throws ValidationException when it is not
   */
  public static Transition create(UUID id, UUID ownerId, JobSpec spec, Instant now) {
    Rules.throwIfAny(spec.validate(""));
    JobState queued = JobState.queued(spec.runAt() == null ? now : spec.runAt(), now);
    Job job =
        new Job(JobSubmission.of(id, ownerId, spec, now), queued, JobLease.NONE, JobOutcome.NONE);
    return moveTo(null, job, now, null);
  }

  /** Whether a lease is held right now (running and not yet expired). */
  public boolean leaseHeldAt(Instant now) {
    return status() == JobStatus.RUNNING && lease.isHeldAt(now);
  }

  /**
   * Claimed by a worker: {@code queued → running}, attempt counted, a fresh lease. {@code claimant}
   * is the user whose key claimed it (it may read the job while it holds the lease).
   */
  public Transition claim(
      UUID claimant, String worker, String token, Instant now, Duration leaseLength) {
    require(status() == JobStatus.QUEUED, "claim");
    Instant expiry = Lease.expiresAt(now, leaseLength);
    Job next =
        withState(state.started(now)).withLease(new JobLease(worker, claimant, token, expiry));
    return moveTo(status(), next, now, null);
  }

  /**
   * Extends the lease and records progress (a {@code progress} event when it changed). Without a
   * lease length the lease is extended by the length last granted (by the claim or the previous
   * heartbeat), so a worker that claimed for 5 s keeps 5 s leases.
   */
  public Transition heartbeat(String token, Instant now, Double newProgress, Duration leaseLength) {
    checkLease(token, now);
    Instant expiry = Lease.expiresAt(now, leaseLength == null ? lastGrantedLease() : leaseLength);
    Job next = withState(state.touched(now)).withLease(lease.extendedTo(expiry));
    List<EventDraft> drafts = new ArrayList<>();
    if (newProgress != null && newProgress != progress()) {
      next = next.withState(next.state.withProgress(newProgress));
      drafts.add(EventDraft.progress(newProgress));
    }
    return next.appendTo(drafts, now, false);
  }

  /** The lease length granted at the last claim or heartbeat (both set {@code updatedAt}). */
  private Duration lastGrantedLease() {
    Duration granted = Duration.between(updatedAt(), leaseExpiresAt());
    return granted.isNegative() || granted.isZero() ? Lease.DEFAULT : granted;
  }

  /** {@code running → succeeded} with the worker's result (JSON text, may be null). */
  public Transition complete(String token, Instant now, String resultJson) {
    checkLease(token, now);
    Job next =
        withState(state.to(JobStatus.SUCCEEDED, now).withProgress(100.0))
            .withLease(lease.ended())
            .withOutcome(JobOutcome.succeeded(resultJson, now));
    return moveTo(status(), next, now, null);
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
    if (status() != JobStatus.RUNNING || !lease.isExpiredAt(now)) {
      throw new IllegalTransitionException(status(), "expire the lease of");
    }
    return failOrRequeue(now, LEASE_EXPIRED, true, delay);
  }

  /** {@code queued | running → cancelled}. The holder learns it at its next call. */
  public Transition cancel(Instant now) {
    require(status() == JobStatus.QUEUED || status() == JobStatus.RUNNING, "cancel");
    Job next =
        withState(state.to(JobStatus.CANCELLED, now))
            .withLease(lease.ended())
            .withOutcome(outcome.finishedAt(now));
    return moveTo(status(), next, now, null);
  }

  /** {@code failed | cancelled → queued}, attempts counted from zero again. */
  public Transition retry(Instant now) {
    require(status() == JobStatus.FAILED || status() == JobStatus.CANCELLED, "retry");
    Job next = new Job(submission, state.restarted(now), JobLease.NONE, JobOutcome.NONE);
    return moveTo(status(), next, now, null);
  }

  /**
   * Appends client events. With a token the caller must hold the lease; without one (an admin) any
   * job that is not terminal takes them. A {@code progress} event with a number also sets {@link
   * #progress}.
   */
  public Transition append(String token, Instant now, List<EventDraft> drafts) {
    if (token != null) {
      checkLease(token, now);
    } else if (status().isTerminal()) {
      throw new IllegalTransitionException(status(), "append events to");
    }
    Job next = this;
    for (EventDraft d : drafts) {
      Double p = d.progressValue();
      if (p != null) {
        next = next.withState(next.state.withProgress(p));
      }
    }
    return next.appendTo(drafts, now, false);
  }

  /**
   * Checks that {@code token} is the current, unexpired lease.
   *
   * @throws JobCancelledException when the job was cancelled under this lease
   * @throws LeaseLostException otherwise when the token does not hold the job
   */
  public void checkLease(String token, Instant now) {
    if (token == null || !token.equals(lease.token())) {
      throw new LeaseLostException(id());
    }
    if (status() == JobStatus.CANCELLED) {
      throw new JobCancelledException(id());
    }
    if (status() != JobStatus.RUNNING || lease.isExpiredAt(now)) {
      throw new LeaseLostException(id());
    }
  }

  private Transition failOrRequeue(Instant now, String message, boolean retryable, Duration delay) {
    boolean again = retryable && attempt() < maxAttempts();
    Job next =
        again
            ? new Job(
                submission,
                state.requeued(now.plus(delay), now),
                JobLease.NONE,
                JobOutcome.failed(message, null))
            : withState(state.to(JobStatus.FAILED, now))
                .withLease(lease.ended())
                .withOutcome(JobOutcome.failed(message, now));
    return moveTo(status(), next, now, message);
  }

  /**
   * {@code next} with the {@code status} event of its change from {@code from}, and its webhook.
   */
  private static Transition moveTo(JobStatus from, Job next, Instant now, String why) {
    EventDraft event = EventDraft.status(from, next.status(), next.attempt(), why);
    Transition t = next.appendTo(List.of(event), now, from == null);
    if (next.webhookUrl() == null) {
      return t;
    }
    // the job as stored after this transition, keyed by the seq of its status event
    Job stored = t.job();
    WebhookDelivery hook = WebhookDelivery.jobStatus(stored, stored.eventCount() - 1, now);
    return new Transition(stored, t.events(), List.of(hook));
  }

  /** Appends {@code drafts} to the log; a stored job ({@code fresh} false) gets a new version. */
  private Transition appendTo(List<EventDraft> drafts, Instant now, boolean fresh) {
    List<JobEvent> events = new ArrayList<>(drafts.size());
    long seq = eventCount();
    for (EventDraft d : drafts) {
      events.add(new JobEvent(id(), seq++, d.type(), d.data(), now));
    }
    JobState counted = state.withEventCount(seq);
    return new Transition(withState(fresh ? counted : counted.nextVersion()), events);
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw new IllegalTransitionException(status(), action);
    }
  }

  private Job withState(JobState s) {
    return new Job(submission, s, lease, outcome);
  }

  private Job withLease(JobLease l) {
    return new Job(submission, state, l, outcome);
  }

  private Job withOutcome(JobOutcome o) {
    return new Job(submission, state, lease, o);
  }

  // ---- the fields, read through to the parts ---------------------------------------------

  public UUID id() {
    return submission.id();
  }

  public UUID ownerId() {
    return submission.ownerId();
  }

  public String queue() {
    return submission.queue();
  }

  public String kind() {
    return submission.kind();
  }

  /** JSON text. */
  public String payload() {
    return submission.payload();
  }

  /** JSON text (an object). */
  public String metadata() {
    return submission.metadata();
  }

  public int priority() {
    return submission.priority();
  }

  public int maxAttempts() {
    return submission.maxAttempts();
  }

  public String idempotencyKey() {
    return submission.idempotencyKey();
  }

  public String webhookUrl() {
    return submission.webhookUrl();
  }

  public Instant createdAt() {
    return submission.createdAt();
  }

  public JobStatus status() {
    return state.status();
  }

  public int attempt() {
    return state.attempt();
  }

  public Instant runAt() {
    return state.runAt();
  }

  public Instant startedAt() {
    return state.startedAt();
  }

  public Instant updatedAt() {
    return state.updatedAt();
  }

  public double progress() {
    return state.progress();
  }

  public long eventCount() {
    return state.eventCount();
  }

  public long version() {
    return state.version();
  }

  public String workerId() {
    return lease.workerId();
  }

  public UUID leasedBy() {
    return lease.leasedBy();
  }

  public String leaseToken() {
    return lease.token();
  }

  public Instant leaseExpiresAt() {
    return lease.expiresAt();
  }

  /** JSON text, or null. */
  public String result() {
    return outcome.result();
  }

  public String error() {
    return outcome.error();
  }

  public Instant finishedAt() {
    return outcome.finishedAt();
  }
}
