package dev.docket.ports.usecase;

import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Rules;
import dev.docket.domain.ValidationException;
import dev.docket.ports.EventRepository;
import dev.docket.ports.JobRepository;
import dev.docket.ports.JobSignals;
import dev.docket.ports.NotFoundException;
import java.util.List;
import java.util.UUID;

/** Reading a job's log, once or as it grows. */
public final class EventService {
  private final JobRepository jobs;
  private final EventRepository events;
  private final JobSignals signals;

  public EventService(JobRepository jobs, EventRepository events, JobSignals signals) {
    this.jobs = jobs;
    this.events = events;
    this.signals = signals;
  }

  /**
   * Events from seq {@code from}, at most {@code limit} (1 to 1000), for those who may read the
   * job.
   */
  public List<JobEvent> list(Actor actor, UUID jobId, long from, int limit) {
    if (from < 0) {
      throw ValidationException.of("from", "must be >= 0");
    }
    if (limit < 1 || limit > Rules.EVENTS_PER_APPEND_MAX) {
      throw ValidationException.of("limit", "must be between 1 and 1000");
    }
    job(actor, jobId);
    return events.list(jobId, from, limit);
  }

  /** The job, checked readable by the caller (for a stream's start and its end). */
  public Job job(Actor actor, UUID jobId) {
    Job job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
    return Access.readable(actor, job);
  }

  /** The job as stored now, with no access check (a stream already admitted re-reads it). */
  public Job current(UUID jobId) {
    return jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
  }

  /** Events with no access check, for a stream already admitted. */
  public List<JobEvent> read(UUID jobId, long from, int limit) {
    return events.list(jobId, from, limit);
  }

  /** Calls {@code wake} whenever the job gets events or changes; close the result to stop. */
  public JobSignals.Subscription subscribe(UUID jobId, Runnable wake) {
    return signals.onJob(jobId, wake);
  }
}
