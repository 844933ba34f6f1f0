package dev.docket.ports.usecase;

import dev.docket.domain.Artifact;
import dev.docket.domain.FieldError;
import dev.docket.domain.Role;
import dev.docket.domain.Rules;
import dev.docket.ports.ArtifactStore;
import dev.docket.ports.JobRepository;
import dev.docket.ports.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Uploading (lease holder, admin) and reading (owner, admin, lease holder) artifacts. */
public final class ArtifactService {
  private final JobRepository jobs;
  private final ArtifactStore store;

  public ArtifactService(JobRepository jobs, ArtifactStore store) {
    this.jobs = jobs;
    this.store = store;
  }

  /**
   * Streams {@code data} in as {@code name}. The lease holder sends its token, checked before and
   * again when the artifact is published; an admin may upload without one.
   */
  public Artifact put(
      Actor actor, UUID jobId, String name, String contentType, String token, InputStream data)
      throws IOException {
    Access.requireRole(actor, Role.WORKER);
    List<FieldError> errors = new ArrayList<>();
    Rules.artifactName("name", name, errors);
    if (token == null && !actor.isAdmin()) {
      errors.add(new FieldError("lease_token", "is required"));
    }
    Rules.throwIfAny(errors);
    var job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
    if (token != null) {
      job.checkLease(token, jobs.now());
    }
    String type =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    return store.put(
        jobId,
        name,
        type,
        data,
        current -> {
          if (token != null) {
            current.checkLease(token, jobs.now());
          }
        });
  }

  public List<Artifact> list(Actor actor, UUID jobId) {
    readable(actor, jobId);
    return store.list(jobId);
  }

  /** The artifact's metadata, for headers before {@link #copyTo}. */
  public Artifact find(Actor actor, UUID jobId, String name) {
    readable(actor, jobId);
    return store.find(jobId, name).orElseThrow(() -> new NotFoundException("artifact", name));
  }

  public void copyTo(UUID jobId, String name, OutputStream out) throws IOException {
    store.copyTo(jobId, name, out);
  }

  private void readable(Actor actor, UUID jobId) {
    Access.readable(actor, jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId)));
  }
}
