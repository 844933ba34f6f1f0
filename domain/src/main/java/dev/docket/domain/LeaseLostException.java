package dev.docket.domain;

import java.util.UUID;

/**
 * The caller's lease token is not the job's current lease: the lease expired and the job was
 * rescued or claimed by another worker. The caller must stop working on the job.
 */
public final class LeaseLostException extends DomainException {
  private final UUID jobId;

  public LeaseLostException(UUID jobId) {
    super("lease lost: job " + jobId + " is no longer leased with this token");
    this.jobId = jobId;
  }

  public UUID jobId() {
    return jobId;
  }
}
