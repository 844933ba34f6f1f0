package dev.docket.ports.usecase;

import dev.docket.domain.Json;
import dev.docket.ports.JobRepository;
import dev.docket.ports.PruneResult;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Operator work: pruning old terminal jobs in short batches. */
public final class AdminService {
  private final JobRepository jobs;
  private final AuditService audit;
  private final int batchSize;

  public AdminService(JobRepository jobs, AuditService audit, int batchSize) {
    this.jobs = jobs;
    this.audit = audit;
    this.batchSize = batchSize;
  }

  /**
   * Deletes terminal jobs finished {@code olderThan} or longer ago, with their events and
   * artifacts, one short transaction per batch so submitters are never blocked for long.
   *
   * @param progress told the running total after each batch
   */
  public PruneResult prune(Actor actor, Duration olderThan, Consumer<PruneResult> progress) {
    Access.requireAdmin(actor);
    if (olderThan.isNegative()) {
      throw dev.docket.domain.ValidationException.of("older_than", "must not be negative");
    }
    // Stores delete what finished strictly before the cut-off, to the millisecond: one past "now
    // minus the age" makes an age of zero take a job finished in this very millisecond too.
    Instant cutoff = jobs.now().minus(olderThan).plusMillis(1);
    PruneResult total = PruneResult.NONE;
    while (true) {
      PruneResult batch = jobs.pruneBatch(cutoff, batchSize);
      total = total.plus(batch);
      progress.accept(total);
      if (batch.jobs() < batchSize) {
        break;
      }
    }
    audit.record(
        actor,
        "admin.prune",
        "job",
        null,
        "{\"older_than_seconds\":"
            + olderThan.toSeconds()
            + ",\"cutoff\":"
            + Json.quote(cutoff.toString())
            + ",\"jobs\":"
            + total.jobs()
            + ",\"events\":"
            + total.events()
            + ",\"artifacts\":"
            + total.artifacts()
            + "}");
    return total;
  }
}
