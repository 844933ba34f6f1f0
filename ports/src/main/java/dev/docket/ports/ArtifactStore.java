package dev.docket.ports;

import dev.docket.domain.Artifact;
import dev.docket.domain.Job;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Artifact bytes, kept in the store itself (in chunks) so every server instance sees them. Bytes
 * stream in and out; no implementation holds a whole artifact in memory.
 */
public interface ArtifactStore {

  /**
   * Reads {@code data} to its end and stores it as {@code name} of the job, replacing an artifact
   * of the same name. {@code guard} is run against the job in the transaction that makes the
   * artifact visible, and may throw to refuse it (e.g. the uploader's lease was lost meanwhile);
   * then nothing is kept.
   *
   * @throws NotFoundException when there is no such job
   * @throws IOException when reading {@code data} fails; nothing is kept
   */
  Artifact put(UUID jobId, String name, String contentType, InputStream data, Consumer<Job> guard)
      throws IOException;

  List<Artifact> list(UUID jobId);

  Optional<Artifact> find(UUID jobId, String name);

  /**
   * Writes the artifact's bytes to {@code out}.
   *
   * @throws NotFoundException when there is no such artifact
   */
  void copyTo(UUID jobId, String name, OutputStream out) throws IOException;
}
