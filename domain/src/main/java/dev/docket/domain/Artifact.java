package dev.docket.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Metadata of a file a worker stored with a job; the bytes live in the store, in chunks. */
public record Artifact(
    UUID jobId, String name, String contentType, long size, String sha256, Instant createdAt) {
  public Artifact {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
  }
}
