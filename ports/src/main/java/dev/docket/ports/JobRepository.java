package dev.docket.ports;

import dev.docket.domain.Job;
import dev.docket.domain.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where jobs and their event logs live. Every method is atomic: it writes all of its rows (the job
 * and the events of its {@link Transition}) or none. Failures to reach the store surface as {@link
 * StoreUnavailableException}, never as a driver exception.
 */
public interface JobRepository {

  /** The store's clock, to the millisecond. Leases and run times are judged against it. */
  Instant now();

  /**
   * Inserts jobs with their creation events, all or none.
   *
   * @throws ConflictException when an owner's idempotency key is already taken
   */
  List<Job> insert(List<NewJob> jobs);

  Optional<Job> find(UUID id);

  Optional<IdempotentJob> findByIdempotencyKey(UUID ownerId, String idempotencyKey);

  /**
   * Applies {@code change} to the job as currently stored, under a lock that keeps other writers of
   * this job out, and stores the result with its events. The write is fenced in the statement
   * itself: it only succeeds when the row still has the version and lease token that {@code change}
   * saw.
   *
   * @return the stored transition
   * @throws NotFoundException when there is no such job
   */
  Transition update(UUID id, JobChange change);

  /**
   * Takes the claimable jobs that {@code query} selects (queued, {@code run_at <= now()}, in the
   * query's order), applies {@code change} to each and stores them, in one transaction. Jobs locked
   * by a concurrent claim are skipped, never handed out twice.
   */
  List<Job> claim(ClaimQuery query, JobChange change);

  /**
   * Applies {@code change} to at most {@code limit} running jobs whose lease expired by {@code
   * now()}, skipping jobs another rescuer holds. Safe to run from several places at once.
   */
  List<Job> rescueExpired(int limit, JobChange change);

  /** Newest first; see {@link JobQuery}. */
  Page<Job> list(JobQuery query);

  JobStats stats(StatsQuery query);

  /**
   * Deletes the job with its events and artifacts if it is terminal.
   *
   * @return false when there is no such job or it is not terminal
   */
  boolean deleteTerminal(UUID id);

  /**
   * Deletes at most {@code batchSize} terminal jobs finished before {@code finishedBefore}, with
   * their events and artifacts, in one short transaction. Callers loop until it returns fewer jobs
   * than {@code batchSize}.
   */
  PruneResult pruneBatch(Instant finishedBefore, int batchSize);
}
