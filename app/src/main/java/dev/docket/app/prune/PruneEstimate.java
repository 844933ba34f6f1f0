package dev.docket.app.prune;

import dev.docket.app.CliSession;
import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.ports.JobQuery;
import dev.docket.ports.Page;
import dev.docket.ports.PruneResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a prune would remove, counted by reading: terminal jobs finished before the cut-off, their
 * events (each job carries its count) and optionally their artifacts (one read per such job). The
 * job list cannot filter on {@code finished_at}, so this walks every terminal job in pages; it only
 * reads, so it never holds up writers.
 */
final class PruneEstimate {
  private static final int PAGE = 1000;
  private static final Set<JobStatus> TERMINAL =
      EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED);

  private PruneEstimate() {}

  static PruneResult count(CliSession session, Instant cutoff, boolean withArtifacts) {
    long jobs = 0;
    long events = 0;
    long artifacts = 0;
    UUID after = null;
    while (true) {
      Page<Job> page =
          session
              .store()
              .jobs()
              .list(new JobQuery(null, TERMINAL, null, null, null, null, after, PAGE));
      for (Job j : page.items()) {
        if (j.finishedAt() != null && j.finishedAt().isBefore(cutoff)) {
          jobs++;
          events += j.eventCount();
          if (withArtifacts) {
            artifacts += session.store().artifacts().list(j.id()).size();
          }
        }
      }
      if (page.nextCursor() == null || page.items().isEmpty()) {
        return new PruneResult(jobs, events, artifacts);
      }
      after = page.items().get(page.items().size() - 1).id();
    }
  }
}
