package dev.docket.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What moves with every transition: the status, the attempt being (or last) run, when the job may
 * run next, when it last started and changed, its progress (0 to 100), how many events its log
 * holds, and the stored {@code version}, which grows with every stored change so a store can check
 * that nobody wrote in between.
 */
public record JobState(
    JobStatus status,
    int attempt,
    Instant runAt,
    Instant startedAt,
    Instant updatedAt,
    double progress,
    long eventCount,
    long version) {

  public JobState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    runAt = Job.ms(runAt);
    startedAt = Job.ms(startedAt);
    updatedAt = Job.ms(updatedAt);
  }

  /** A new job, waiting for {@code runAt}, with an empty log. */
  static JobState queued(Instant runAt, Instant now) {
    return new JobState(JobStatus.QUEUED, 0, runAt, null, now, 0.0, 0, 0);
  }

  /** Changed to {@code next} at {@code now}. */
  JobState to(JobStatus next, Instant now) {
    return new JobState(next, attempt, runAt, startedAt, now, progress, eventCount, version);
  }

  /** Running a new attempt, started at {@code now}, progress from zero. */
  JobState started(Instant now) {
    return new JobState(JobStatus.RUNNING, attempt + 1, runAt, now, now, 0.0, eventCount, version);
  }

  /** Queued again to run at {@code next}; attempt, start and progress stay as they were. */
  JobState requeued(Instant next, Instant now) {
    return new JobState(
        JobStatus.QUEUED, attempt, next, startedAt, now, progress, eventCount, version);
  }

  /** Queued from scratch: attempts counted from zero, runnable at once. */
  JobState restarted(Instant now) {
    return new JobState(JobStatus.QUEUED, 0, now, null, now, 0.0, eventCount, version);
  }

  JobState touched(Instant now) {
    return new JobState(status, attempt, runAt, startedAt, now, progress, eventCount, version);
  }

  JobState withProgress(double p) {
    return new JobState(status, attempt, runAt, startedAt, updatedAt, p, eventCount, version);
  }

  JobState withEventCount(long count) {
    return new JobState(status, attempt, runAt, startedAt, updatedAt, progress, count, version);
  }

  JobState nextVersion() {
    return new JobState(
        status, attempt, runAt, startedAt, updatedAt, progress, eventCount, version + 1);
  }
}
