package dev.docket.ports;

import dev.docket.domain.JobEvent;
import java.util.List;
import java.util.UUID;

/** Reads job event logs. Events are written with their job, through {@link JobRepository}. */
public interface EventRepository {
  /** Events of {@code jobId} with {@code seq >= fromSeq}, in seq order, at most {@code limit}. */
  List<JobEvent> list(UUID jobId, long fromSeq, int limit);
}
