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
import org.jooq.impl.DSL;

/**
 * Artifacts in the database, in {@value #CHUNK_SIZE}-byte chunks. An upload first streams its
 * chunks under a staging name (each chunk committed on its own, so no transaction stays open while
 * the client sends), then one short transaction locks the job, runs the guard, drops the old
 * artifact of that name and moves the chunks to it. Readers never see a staging artifact.
 */
final class PgArtifactStore implements ArtifactStore {
  static final int CHUNK_SIZE = 256 * 1024;

  /** Client names match {@code [A-Za-z0-9._-]+}, so a name with {@code ~} is never one. */
  private static final String STAGING_PREFIX = "~upload-";

  static final Condition PUBLISHED = ARTIFACTS.NAME.notLike(STAGING_PREFIX + "%");

  private final Db db;

  PgArtifactStore(Db db) {
    this.db = db;
  }

  @Override
  public Artifact put(
      UUID jobId, String name, String contentType, InputStream data, Consumer<Job> guard)
      throws IOException {
    String staging = STAGING_PREFIX + UUID.randomUUID();
    startStaging(jobId, staging, contentType);
    boolean published = false;
    try {
      Upload upload = streamChunks(jobId, staging, data);
      Artifact artifact = publish(jobId, name, contentType, staging, upload, guard);
      published = true;
      return artifact;
    } finally {
      if (!published) {
        discard(jobId, staging);
      }
    }
  }

  private void startStaging(UUID jobId, String staging, String contentType) {
    int rows =
        db.run(
            ctx ->
                ctx.insertInto(
                        ARTIFACTS,
                        ARTIFACTS.JOB_ID,
                        ARTIFACTS.NAME,
                        ARTIFACTS.CONTENT_TYPE,
                        ARTIFACTS.SIZE,
                        ARTIFACTS.SHA256,
                        ARTIFACTS.CREATED_AT)
                    .select(
                        DSL.select(
                                JOBS.ID,
                                DSL.val(staging),
                                DSL.val(contentType),
                                DSL.val(0L),
                                DSL.val(""),
                                DSL.val(Sql.ts(Db.now(ctx))))
                            .from(JOBS)
                            .where(JOBS.ID.eq(jobId)))
                    .execute());
    if (rows == 0) {
      throw new NotFoundException("job", jobId);
    }
  }

  private record Upload(long size, String sha256) {}

  private Upload streamChunks(UUID jobId, String staging, InputStream data) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[CHUNK_SIZE];
    long size = 0;
    int chunkNo = 0;
    int filled;
    while ((filled = data.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
      sha.update(buffer, 0, filled);
      size += filled;
      byte[] chunk = filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled);
      int no = chunkNo++;
      db.run(
          ctx ->
              ctx.insertInto(ARTIFACT_CHUNKS)
                  .set(ARTIFACT_CHUNKS.JOB_ID, jobId)
                  .set(ARTIFACT_CHUNKS.NAME, staging)
                  .set(ARTIFACT_CHUNKS.CHUNK_NO, no)
                  .set(ARTIFACT_CHUNKS.DATA, chunk)
                  .execute());
    }
    return new Upload(size, HexFormat.of().formatHex(sha.digest()));
  }

  private Artifact publish(
      UUID jobId,
      String name,
      String contentType,
      String staging,
      Upload upload,
      Consumer<Job> guard) {
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
          ctx.deleteFrom(ARTIFACTS).where(key(jobId, name)).execute();
          ctx.insertInto(ARTIFACTS)
              .set(ARTIFACTS.JOB_ID, jobId)
              .set(ARTIFACTS.NAME, name)
              .set(ARTIFACTS.CONTENT_TYPE, contentType)
              .set(ARTIFACTS.SIZE, artifact.size())
              .set(ARTIFACTS.SHA256, artifact.sha256())
              .set(ARTIFACTS.CREATED_AT, Sql.ts(artifact.createdAt()))
              .execute();
          // Renaming the chunk rows keeps their bytes where they are (toasted values are reused).
          ctx.update(ARTIFACT_CHUNKS)
              .set(ARTIFACT_CHUNKS.NAME, name)
              .where(ARTIFACT_CHUNKS.JOB_ID.eq(jobId))
              .and(ARTIFACT_CHUNKS.NAME.eq(staging))
              .execute();
          ctx.deleteFrom(ARTIFACTS).where(key(jobId, staging)).execute();
          return artifact;
        });
  }

  private void discard(UUID jobId, String staging) {
    try {
      db.run(ctx -> ctx.deleteFrom(ARTIFACTS).where(key(jobId, staging)).execute());
    } catch (RuntimeException e) {
      // The upload already failed; a leftover staging row is invisible and pruned with its job.
    }
  }

  @Override
  public List<Artifact> list(UUID jobId) {
    return db.run(
        ctx ->
            ctx.selectFrom(ARTIFACTS)
                .where(ARTIFACTS.JOB_ID.eq(jobId))
                .and(PUBLISHED)
                .orderBy(ARTIFACTS.NAME)
                .fetch(PgArtifactStore::toArtifact));
  }

  @Override
  public Optional<Artifact> find(UUID jobId, String name) {
    if (name.startsWith(STAGING_PREFIX)) {
      return Optional.empty();
    }
    return db.run(
        ctx ->
            ctx.selectFrom(ARTIFACTS)
                .where(key(jobId, name))
                .fetchOptional(PgArtifactStore::toArtifact));
  }

  @Override
  public void copyTo(UUID jobId, String name, OutputStream out) throws IOException {
    if (find(jobId, name).isEmpty()) {
      throw new NotFoundException("artifact", name);
    }
    try {
      db.tx(ctx -> streamOut(ctx, jobId, name, out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Reads the chunks through a server-side cursor, one at a time, inside the transaction. */
  private static Void streamOut(DSLContext ctx, UUID jobId, String name, OutputStream out) {
    try (Cursor<Record1<byte[]>> chunks =
        ctx.select(ARTIFACT_CHUNKS.DATA)
            .from(ARTIFACT_CHUNKS)
            .where(ARTIFACT_CHUNKS.JOB_ID.eq(jobId))
            .and(ARTIFACT_CHUNKS.NAME.eq(name))
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
