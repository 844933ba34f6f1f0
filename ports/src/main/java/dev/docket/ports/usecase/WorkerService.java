package dev.docket.ports.usecase;

import dev.docket.domain.Backoff;
import dev.docket.domain.EventDraft;
import dev.docket.domain.FieldError;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Lease;
import dev.docket.domain.Role;
import dev.docket.domain.Rules;
import dev.docket.domain.Transition;
import dev.docket.domain.ValidationException;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.JobListener;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import dev.docket.ports.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The worker protocol: claim (with long-poll), heartbeat, complete, fail, append events. */
public final class WorkerService {
  /** A waiting claim re-reads the store at least this often, for jobs whose run_at came due. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final JobRepository jobs;
  private final JobSignals signals;
  private final JobListener listener;
  private final Backoff backoff;

  public WorkerService(
      JobRepository jobs, JobSignals signals, JobListener listener, Backoff backoff) {
    this.jobs = jobs;
    this.signals = signals;
    this.listener = listener;
    this.backoff = backoff;
  }

  /**
   * Claims up to {@code limit} jobs, each with a fresh lease token. With {@code wait_seconds} the
   * call waits until a job is claimable or the time is up; a submit, retry or rescue on the queue
   * wakes it at once.
   */
  public List<Job> claim(Actor actor, ClaimRequest request) throws InterruptedException {
    Access.requireRole(actor, Role.WORKER);
    Rules.throwIfAny(request.validate());
    ClaimQuery query =
        new ClaimQuery(
            request.queue(), request.limitOrDefault(), request.kinds(), request.preferKind());
    long deadline = System.nanoTime() + request.waitTime().toNanos();
    Semaphore wake = new Semaphore(0);
    try (JobSignals.Subscription sub = signals.onQueue(request.queue(), wake::release)) {
      while (true) {
        List<Job> claimed = claimOnce(actor, request, query);
        long left = deadline - System.nanoTime();
        if (!claimed.isEmpty() || left <= 0) {
          return claimed;
        }
        wake.tryAcquire(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
        wake.drainPermits();
      }
    }
  }

  private List<Job> claimOnce(Actor actor, ClaimRequest request, ClaimQuery query) {
    List<Job> claimed =
        jobs.claim(
            query,
            (job, now) ->
                job.claim(
                    actor.userId(), request.workerId(), Lease.newToken(), now, request.lease()));
    for (Job j : claimed) {
      listener.claimed(j);
      signals.jobChanged(j.id());
    }
    return claimed;
  }

  /**
   * Extends the lease and records progress.
   *
   * @param progress 0 to 100, or null
   * @param leaseSeconds 5 to 3600, or null for the length last granted
   */
  public Job heartbeat(Actor actor, UUID id, String token, Double progress, Integer leaseSeconds) {
    Access.requireRole(actor, Role.WORKER);
    List<FieldError> errors = new ArrayList<>();
    requireToken(token, errors);
    if (progress != null) {
      Rules.progress("progress", progress, errors);
    }
    if (leaseSeconds != null) {
      Rules.range(
          "lease_seconds", leaseSeconds, Lease.MIN.toSeconds(), Lease.MAX.toSeconds(), errors);
    }
    Rules.throwIfAny(errors);
    Duration lease = leaseSeconds == null ? null : Duration.ofSeconds(leaseSeconds);
    Transition t = jobs.update(id, (job, now) -> job.heartbeat(token, now, progress, lease));
    notifyEvents(t);
    return t.job();
  }

  /** The job succeeded; {@code resultJson} may be null. */
  public Job complete(Actor actor, UUID id, String token, String resultJson) {
    Access.requireRole(actor, Role.WORKER);
    requireToken(token);
    Job job = jobs.update(id, (current, now) -> current.complete(token, now, resultJson)).job();
    signals.jobChanged(id);
    listener.finished(job);
    return job;
  }

  /** The attempt failed: requeued with backoff while attempts remain and retryable, else failed. */
  public Job fail(Actor actor, UUID id, String token, String error, boolean retryable) {
    Access.requireRole(actor, Role.WORKER);
    List<FieldError> errors = new ArrayList<>();
    requireToken(token, errors);
    if (error == null) {
      errors.add(new FieldError("error", "is required"));
    }
    Rules.throwIfAny(errors);
    Job job =
        jobs.update(
                id,
                (current, now) ->
                    current.fail(
                        token,
                        now,
                        error,
                        retryable,
                        backoff.delay(current.attempt(), ThreadLocalRandom.current())))
            .job();
    signals.jobChanged(id);
    if (job.status() == JobStatus.QUEUED) {
      signals.queueReady(job.queue());
    }
    listener.finished(job);
    return job;
  }

  /**
   * Appends events atomically; returns them with their seqs. The lease holder sends its token; an
   * admin may append without one.
   */
  public Transition append(Actor actor, UUID id, String token, List<EventDraft> drafts) {
    if (token == null && !actor.isAdmin()) {
      Access.requireRole(actor, Role.WORKER);
      throw ValidationException.of("lease_token", "is required");
    }
    Access.requireRole(actor, Role.WORKER);
    List<FieldError> errors = new ArrayList<>();
    if (drafts.isEmpty() || drafts.size() > Rules.EVENTS_PER_APPEND_MAX) {
      errors.add(
          new FieldError("events", "must hold 1 to " + Rules.EVENTS_PER_APPEND_MAX + " events"));
    }
    for (int i = 0; i < drafts.size(); i++) {
      Rules.eventType("events[" + i + "].type", drafts.get(i).type(), errors);
    }
    Rules.throwIfAny(errors);
    Transition t = jobs.update(id, (job, now) -> job.append(token, now, drafts));
    notifyEvents(t);
    return t;
  }

  /** The job for a lease holder's follow-up (artifact upload); checks the token now. */
  public Job held(Actor actor, UUID id, String token) {
    Access.requireRole(actor, Role.WORKER);
    Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("job", id));
    if (token != null || !actor.isAdmin()) {
      requireToken(token);
      job.checkLease(token, jobs.now());
    }
    return job;
  }

  private void notifyEvents(Transition t) {
    if (!t.events().isEmpty()) {
      signals.jobChanged(t.job().id());
    }
  }

  private static void requireToken(String token) {
    List<FieldError> errors = new ArrayList<>();
    requireToken(token, errors);
    Rules.throwIfAny(errors);
  }

  private static void requireToken(String token, List<FieldError> errors) {
    if (token == null || token.isBlank()) {
      errors.add(new FieldError("lease_token", "is required"));
    }
  }
}
