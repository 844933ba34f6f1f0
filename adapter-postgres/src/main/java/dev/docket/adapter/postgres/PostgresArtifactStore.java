package dev.docket.adapter.postgres;

import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.postgres.jooq.Tables.ARTIFACT_CHUNKS;
import static dev.docket.adapter.postgres.jooq.Tables.JOBS;

import dev.docket.domain.Artifact;
import dev.docket.domain.Job;
import dev.docket.ports.ArtifactStore;
import dev.docket.ports.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;

/**
 * Artifacts in the database: each artifact row points at a blob of {@value #CHUNK_SIZE}-byte
 * chunks. An upload streams its chunks under a fresh blob id, each chunk committed on its own so
 * that no transaction stays open while the client sends; then one short transaction locks the job,
 * runs the guard, and swaps the artifact row to the new blob, deleting the old blob's chunks.
 * Readers see the old artifact or the new one, never a mix.
 */
final class PostgresArtifactStore implements ArtifactStore {
  static final int CHUNK_SIZE = 256 * 1024;

  private final Db db;

  PostgresArtifactStore(Db db) {
    this.db = db;
  }

  @Override
  public Artifact put(
      UUID jobId, String name, String contentType, InputStream data, Consumer<Job> guard)
      throws IOException {
    if (!db.run(ctx -> ctx.fetchExists(JOBS, JOBS.ID.eq(jobId)))) {
      throw new NotFoundException("job", jobId);
    }
    UUID blob = UUID.randomUUID();
    boolean published = false;
    try {
      Upload upload = streamChunks(blob, data);
      Artifact artifact = publish(jobId, name, contentType, blob, upload, guard);
      published = true;
      return artifact;
    } finally {
      if (!published) {
        discard(blob);
      }
    }
  }

  private record Upload(long size, String sha256) {}

  private Upload streamChunks(UUID blob, InputStream data) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[CHUNK_SIZE];
    long size = 0;
    int chunkNo = 0;
    int filled;
    while ((filled = data.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
      sha.update(buffer, 0, filled);
      size += filled;
      byte[] chunk = filled == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, filled);
      int no = chunkNo++;
      db.run(
          ctx ->
              ctx.insertInto(ARTIFACT_CHUNKS)
                  .set(ARTIFACT_CHUNKS.BLOB_ID, blob)
                  .set(ARTIFACT_CHUNKS.CHUNK_NO, no)
                  .set(ARTIFACT_CHUNKS.DATA, chunk)
                  .execute());
    }
    return new Upload(size, HexFormat.of().formatHex(sha.digest()));
  }

  private Artifact publish(
      UUID jobId, String name, String contentType, UUID blob, Upload upload, Consumer<Job> guard) {
    return db.tx(
        ctx -> {
          Job job =
              ctx.selectFrom(JOBS)
                  .where(JOBS.ID.eq(jobId))
                  .forUpdate()
                  .fetchOptional(JobRows::toJob)
                  .orElseThrow(() -> new NotFoundException("job", jobId));
          guard.accept(job);
          Artifact artifact =
              new Artifact(jobId, name, contentType, upload.size(), upload.sha256(), Db.now(ctx));
          List<UUID> replaced =
              ctx.deleteFrom(ARTIFACTS)
                  .where(key(jobId, name))
                  .returning(ARTIFACTS.BLOB_ID)
                  .fetch(ARTIFACTS.BLOB_ID);
          deleteChunks(ctx, replaced);
          ctx.insertInto(ARTIFACTS)
              .set(ARTIFACTS.JOB_ID, jobId)
              .set(ARTIFACTS.NAME, name)
              .set(ARTIFACTS.CONTENT_TYPE, contentType)
              .set(ARTIFACTS.SIZE, artifact.size())
              .set(ARTIFACTS.SHA256, artifact.sha256())
              .set(ARTIFACTS.CREATED_AT, Sql.ts(artifact.createdAt()))
              .set(ARTIFACTS.BLOB_ID, blob)
              .execute();
          return artifact;
        });
  }

  private void discard(UUID blob) {
    try {
      db.run(ctx -> deleteChunks(ctx, List.of(blob)));
    } catch (RuntimeException e) {
      // The upload already failed and that failure is what the caller must see; the chunks of
      // an unpublished blob are never read.
    }
  }

  /** Deletes the chunks of {@code blobs}; artifacts rows cascade with their job, chunks do not. */
  static int deleteChunks(DSLContext ctx, Collection<UUID> blobs) {
    if (blobs.isEmpty()) {
      return 0;
    }
    return ctx.deleteFrom(ARTIFACT_CHUNKS).where(ARTIFACT_CHUNKS.BLOB_ID.in(blobs)).execute();
  }

  /** Deletes the chunks of every artifact of {@code jobIds}; returns how many artifacts. */
  static int deleteChunksOfJobs(DSLContext ctx, Collection<UUID> jobIds) {
    List<UUID> blobs =
        ctx.select(ARTIFACTS.BLOB_ID)
            .from(ARTIFACTS)
            .where(ARTIFACTS.JOB_ID.in(jobIds))
            .fetch(ARTIFACTS.BLOB_ID);
    deleteChunks(ctx, blobs);
    return blobs.size();
  }

  @Override
  public List<Artifact> list(UUID jobId) {
    return db.run(
        ctx ->
            ctx.selectFrom(ARTIFACTS)
                .where(ARTIFACTS.JOB_ID.eq(jobId))
                .orderBy(ARTIFACTS.NAME)
                .fetch(PostgresArtifactStore::toArtifact));
  }

  @Override
  public Optional<Artifact> find(UUID jobId, String name) {
    return db.run(
        ctx ->
            ctx.selectFrom(ARTIFACTS)
                .where(key(jobId, name))
                .fetchOptional(PostgresArtifactStore::toArtifact));
  }

  @Override
  public void copyTo(UUID jobId, String name, OutputStream out) throws IOException {
    try {
      db.tx(ctx -> streamOut(ctx, jobId, name, out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * In one repeatable-read snapshot, so that an upload replacing the artifact meanwhile cannot
   * delete the chunks being read; the chunks come through a server-side cursor, one at a time.
   */
  private static Void streamOut(DSLContext ctx, UUID jobId, String name, OutputStream out) {
    ctx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    UUID blob =
        ctx.select(ARTIFACTS.BLOB_ID)
            .from(ARTIFACTS)
            .where(key(jobId, name))
            .fetchOptional(ARTIFACTS.BLOB_ID)
            .orElseThrow(() -> new NotFoundException("artifact", name));
    try (Cursor<Record1<byte[]>> chunks =
        ctx.select(ARTIFACT_CHUNKS.DATA)
            .from(ARTIFACT_CHUNKS)
            .where(ARTIFACT_CHUNKS.BLOB_ID.eq(blob))
            .orderBy(ARTIFACT_CHUNKS.CHUNK_NO)
            .fetchSize(1)
            .fetchLazy()) {
      for (Record1<byte[]> chunk : chunks) {
        out.write(chunk.value1());
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Condition key(UUID jobId, String name) {
    return ARTIFACTS.JOB_ID.eq(jobId).and(ARTIFACTS.NAME.eq(name));
  }

  private static Artifact toArtifact(Record r) {
    return new Artifact(
        r.get(ARTIFACTS.JOB_ID),
        r.get(ARTIFACTS.NAME),
        r.get(ARTIFACTS.CONTENT_TYPE),
        r.get(ARTIFACTS.SIZE),
        r.get(ARTIFACTS.SHA256),
        Sql.instant(r.get(ARTIFACTS.CREATED_AT)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
