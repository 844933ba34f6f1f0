package dev.docket.domain;

import java.util.UUID;

/** The job was cancelled while the caller held its lease; the caller must stop working on it. */
public final class JobCancelledException extends DomainException {
  private final UUID jobId;

  public JobCancelledException(UUID jobId) {
    super("job " + jobId + " was cancelled");
    this.jobId = jobId;
  }

  public UUID jobId() {
    return jobId;
  }
}
