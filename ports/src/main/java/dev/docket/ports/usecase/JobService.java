package dev.docket.ports.usecase;

import dev.docket.domain.FieldError;
import dev.docket.domain.Ids;
import dev.docket.domain.IllegalTransitionException;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.Role;
import dev.docket.domain.Rules;
import dev.docket.domain.Transition;
import dev.docket.domain.ValidationException;
import dev.docket.ports.ConflictException;
import dev.docket.ports.ForbiddenException;
import dev.docket.ports.IdempotentJob;
import dev.docket.ports.JobListener;
import dev.docket.ports.JobQuery;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import dev.docket.ports.JobStats;
import dev.docket.ports.NewJob;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.Page;
import dev.docket.ports.StatsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The submitter's use cases: submit, read, list, cancel, retry, delete, stats. */
public final class JobService {
  private static final int BATCH_RACE_ATTEMPTS = 3;

  private final JobRepository jobs;
  private final JobSignals signals;
  private final JobListener listener;
  private final AuditService audit;
  private final AddressPolicy webhookAddresses;

  public JobService(
      JobRepository jobs,
      JobSignals signals,
      JobListener listener,
      AuditService audit,
      AddressPolicy webhookAddresses) {
    this.jobs = jobs;
    this.signals = signals;
    this.listener = listener;
    this.audit = audit;
    this.webhookAddresses = webhookAddresses;
  }

  /**
   * Submits one job. With an idempotency key already used by this owner: the first job when the
   * request is the same ({@code created == false}), else a {@link ConflictException}.
   *
   * @throws ValidationException naming each bad field (a webhook URL pointing where the {@link
   *     AddressPolicy} refuses included)
   * @throws ForbiddenException without the submitter role
   */
  public SubmitResult submit(Actor actor, JobSpec spec) {
    Access.requireRole(actor, Role.SUBMITTER);
    Rules.throwIfAny(validate(spec, ""));
    UUID owner = ownerOf(actor);
    Optional<SubmitResult> replay = replay(owner, spec);
    if (replay.isPresent()) {
      return replay.get();
    }
    try {
      Job job = jobs.insert(List.of(draft(owner, spec, jobs.now()))).get(0);
      afterInsert(List.of(job));
      return new SubmitResult(job, true);
    } catch (ConflictException raced) {
      return replay(owner, spec).orElseThrow(() -> raced);
    }
  }

  /**
   * Submits up to {@value Rules#BATCH_MAX} jobs, all or none. Fields are named {@code
   * jobs[i].field}. Jobs whose idempotency key was already used for the same request come back as
   * they were.
   */
  public List<Job> submitBatch(Actor actor, List<JobSpec> specs) {
    Access.requireRole(actor, Role.SUBMITTER);
    if (specs.isEmpty() || specs.size() > Rules.BATCH_MAX) {
      throw ValidationException.of("jobs", "must hold 1 to " + Rules.BATCH_MAX + " jobs");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      JobSpec s = specs.get(i);
      errors.addAll(validate(s, "jobs[" + i + "]."));
      if (s.idempotencyKey() != null && !keys.add(s.idempotencyKey())) {
        errors.add(
            new FieldError("jobs[" + i + "].idempotency_key", "is used twice in this batch"));
      }
    }
    Rules.throwIfAny(errors);
    UUID owner = ownerOf(actor);
    for (int attempt = 1; ; attempt++) {
      try {
        return insertBatch(owner, specs);
      } catch (ConflictException raced) {
        // a concurrent request took one of the keys first; the insert kept nothing of ours, and
        // the next pass replays that key (or reports a real conflict)
        if (attempt == BATCH_RACE_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private List<Job> insertBatch(UUID owner, List<JobSpec> specs) {
    Instant now = jobs.now();
    Job[] result = new Job[specs.size()];
    List<NewJob> fresh = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Optional<SubmitResult> replay = replay(owner, specs.get(i));
      if (replay.isPresent()) {
        result[i] = replay.get().job();
      } else {
        fresh.add(draft(owner, specs.get(i), now));
        slots.add(i);
      }
    }
    if (!fresh.isEmpty()) {
      List<Job> inserted = jobs.insert(fresh);
      for (int i = 0; i < inserted.size(); i++) {
        result[slots.get(i)] = inserted.get(i);
      }
      afterInsert(inserted);
    }
    return List.of(result);
  }

  /** The spec's own rules, then (for a well-formed webhook URL) where it points. */
  private List<FieldError> validate(JobSpec spec, String prefix) {
    List<FieldError> errors = new ArrayList<>(spec.validate(prefix));
    String field = prefix + "webhook_url";
    if (errors.stream().noneMatch(e -> e.field().equals(field))) {
      webhookAddresses
          .refusalAtSubmit(spec.webhookUrl())
          .ifPresent(reason -> errors.add(new FieldError(field, reason)));
    }
    return errors;
  }

  /** The job, if the caller may see it (owner, admin, the worker holding its lease). */
  public Job get(Actor actor, UUID id) {
    return Access.readable(actor, find(id));
  }

  /** Lists jobs newest first. A submitter sees its own; asking for another owner is forbidden. */
  public Page<Job> list(Actor actor, JobQuery query) {
    return jobs.list(scoped(actor, query));
  }

  /** Queued or running → cancelled. The lease holder learns it on its next call. */
  public Job cancel(Actor actor, UUID id) {
    Access.requireRole(actor, Role.SUBMITTER);
    Access.manageable(actor, find(id));
    Job job = jobs.update(id, (current, now) -> current.cancel(now)).job();
    signals.jobChanged(id);
    listener.finished(job);
    return job;
  }

  /** Failed or cancelled → queued, attempts from zero. */
  public Job retry(Actor actor, UUID id) {
    Access.requireRole(actor, Role.SUBMITTER);
    Access.manageable(actor, find(id));
    Job job = jobs.update(id, (current, now) -> current.retry(now)).job();
    signals.jobChanged(id);
    signals.queueReady(job.queue());
    return job;
  }

  /** Removes a terminal job with its events and artifacts. */
  public void delete(Actor actor, UUID id) {
    Access.requireRole(actor, Role.SUBMITTER);
    Job job = Access.manageable(actor, find(id));
    if (!job.status().isTerminal()) {
      throw new IllegalTransitionException(job.status(), "delete");
    }
    if (!jobs.deleteTerminal(id)) {
      Job now = find(id);
      throw new IllegalTransitionException(now.status(), "delete");
    }
    audit.record(actor, "job.delete", "job", id.toString(), "{}");
  }

  /** Counts and durations; a submitter's own jobs, an admin's all. */
  public JobStats stats(Actor actor, String queue, Instant since) {
    Access.requireRole(actor, Role.SUBMITTER);
    UUID owner = actor.isAdmin() ? null : actor.userId();
    JobStats raw = jobs.stats(new StatsQuery(owner, queue, since));
    // durations come from millisecond times: round to the millisecond so that every store, whose
    // arithmetic differs in the last bits, answers the same
    return new JobStats(
        raw.byStatus(),
        raw.byQueue(),
        raw.successRate(),
        toMillis(raw.avgDurationSeconds()),
        toMillis(raw.p95DurationSeconds()));
  }

  private static Double toMillis(Double seconds) {
    return seconds == null ? null : Math.round(seconds * 1000.0) / 1000.0;
  }

  private JobQuery scoped(Actor actor, JobQuery q) {
    Access.requireRole(actor, Role.SUBMITTER);
    if (actor.isAdmin()) {
      return q;
    }
    if (q.ownerId() != null && !actor.is(q.ownerId())) {
      throw new ForbiddenException("a submitter may only list its own jobs");
    }
    return new JobQuery(
        actor.userId(),
        q.statuses(),
        q.queue(),
        q.kind(),
        q.since(),
        q.until(),
        q.afterId(),
        q.limit());
  }

  private Job find(UUID id) {
    return jobs.find(id).orElseThrow(() -> new NotFoundException("job", id));
  }

  private UUID ownerOf(Actor actor) {
    if (actor.userId() == null) {
      throw new ForbiddenException("jobs must be submitted by a user");
    }
    return actor.userId();
  }

  private Optional<SubmitResult> replay(UUID owner, JobSpec spec) {
    if (spec.idempotencyKey() == null) {
      return Optional.empty();
    }
    Optional<IdempotentJob> found = jobs.findByIdempotencyKey(owner, spec.idempotencyKey());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (!Fingerprint.of(spec).equals(found.get().requestHash())) {
      throw new ConflictException(
          "idempotency key '" + spec.idempotencyKey() + "' was already used for a different job");
    }
    return Optional.of(new SubmitResult(found.get().job(), false));
  }

  private NewJob draft(UUID owner, JobSpec spec, Instant now) {
    Transition t = Job.create(Ids.newId(now), owner, spec, now);
    return new NewJob(t, Fingerprint.of(spec));
  }

  private void afterInsert(List<Job> inserted) {
    Set<String> queues = new HashSet<>();
    for (Job j : inserted) {
      listener.submitted(j);
      queues.add(j.queue());
    }
    queues.forEach(signals::queueReady);
  }

  /** The statuses of a list filter, parsed from wire names. */
  public static Set<JobStatus> statuses(String field, List<String> wire) {
    Set<JobStatus> out = new HashSet<>();
    for (String w : wire) {
      for (String part : w.split(",")) {
        if (!part.isBlank()) {
          out.add(JobStatus.fromWire(field, part.strip()));
        }
      }
    }
    return out;
  }
}
