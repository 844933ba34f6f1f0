package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACT_CHUNKS;
import static dev.docket.adapter.sqlite.jooq.Tables.JOBS;

import dev.docket.adapter.sqlite.jooq.tables.records.ArtifactsRecord;
import dev.docket.domain.Artifact;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.ports.ArtifactStore;
import dev.docket.ports.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Artifact bytes in 256 KiB chunks. An upload streams its chunks under a fresh blob id, one short
 * write transaction per chunk (so a big upload never holds the write lock for long), and then
 * publishes the artifact in one transaction that runs the guard on the current job and replaces the
 * old artifact of that name. A failed upload deletes its staged chunks.
 */
final class SqliteArtifactStore implements ArtifactStore {
  static final int CHUNK_SIZE = 256 * 1024;
  static final Duration ORPHAN_AGE = Duration.ofHours(1);

  private final Writer writer;
  private final Reader reader;
  private final ArtifactDownload download;

  SqliteArtifactStore(Writer writer, Reader reader, ArtifactDownload download) {
    this.writer = writer;
    this.reader = reader;
    this.download = download;
  }

  @Override
  public Artifact put(
      UUID jobId, String name, String contentType, InputStream data, Consumer<Job> guard)
      throws IOException {
    String job = Rows.text(jobId);
    if (!reader.read(dsl -> dsl.fetchExists(JOBS, JOBS.ID.eq(job)))) {
      throw new NotFoundException("job", jobId);
    }
    // time-ordered, so that orphan clean-up can tell an old leftover from a live upload
    String blob = Ids.newId().toString();
    try {
      Staged staged = stage(blob, data);
      return writer.write(dsl -> publish(dsl, jobId, name, contentType, blob, staged, guard));
    } catch (IOException | RuntimeException | Error e) {
      discardQuietly(blob, e);
      throw e;
    }
  }

  private record Staged(long size, String sha256, int chunks) {}

  private Staged stage(String blob, InputStream data) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[CHUNK_SIZE];
    long size = 0;
    int chunks = 0;
    while (true) {
      int n = data.readNBytes(buffer, 0, CHUNK_SIZE);
      if (n == 0) {
        break;
      }
      sha.update(buffer, 0, n);
      size += n;
      byte[] chunk = Arrays.copyOf(buffer, n);
      int no = chunks++;
      writer.write(
          dsl ->
              dsl.insertInto(
                      ARTIFACT_CHUNKS,
                      ARTIFACT_CHUNKS.BLOB_ID,
                      ARTIFACT_CHUNKS.CHUNK_NO,
                      ARTIFACT_CHUNKS.DATA)
                  .values(blob, no, chunk)
                  .execute());
      if (n < CHUNK_SIZE) {
        break;
      }
    }
    return new Staged(size, HexFormat.of().formatHex(sha.digest()), chunks);
  }

  private static Artifact publish(
      DSLContext dsl,
      UUID jobId,
      String name,
      String contentType,
      String blob,
      Staged staged,
      Consumer<Job> guard) {
    String job = Rows.text(jobId);
    Job current = JobRows.find(dsl, job);
    if (current == null) {
      throw new NotFoundException("job", jobId);
    }
    guard.accept(current);
    int chunks = dsl.fetchCount(ARTIFACT_CHUNKS, ARTIFACT_CHUNKS.BLOB_ID.eq(blob));
    if (chunks != staged.chunks()) {
      throw new IllegalStateException(
          "staged upload lost chunks (" + chunks + " of " + staged.chunks() + ")");
    }
    deleteArtifact(dsl, job, name);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ArtifactsRecord r = new ArtifactsRecord();
    r.setJobId(job);
    r.setName(name);
    r.setContentType(contentType);
    r.setSize(staged.size());
    r.setSha256(staged.sha256());
    r.setCreatedAt(Rows.millis(now));
    r.setBlobId(blob);
    dsl.insertInto(ARTIFACTS).set(r).execute();
    return toArtifact(r);
  }

  private static void deleteArtifact(DSLContext dsl, String job, String name) {
    String old =
        dsl.select(ARTIFACTS.BLOB_ID)
            .from(ARTIFACTS)
            .where(ARTIFACTS.JOB_ID.eq(job))
            .and(ARTIFACTS.NAME.eq(name))
            .fetchOne(ARTIFACTS.BLOB_ID);
    if (old != null) {
      dsl.deleteFrom(ARTIFACT_CHUNKS).where(ARTIFACT_CHUNKS.BLOB_ID.eq(old)).execute();
      dsl.deleteFrom(ARTIFACTS)
          .where(ARTIFACTS.JOB_ID.eq(job))
          .and(ARTIFACTS.NAME.eq(name))
          .execute();
    }
  }

  private void discardQuietly(String blob, Throwable cause) {
    try {
      writer.write(
          dsl -> dsl.deleteFrom(ARTIFACT_CHUNKS).where(ARTIFACT_CHUNKS.BLOB_ID.eq(blob)).execute());
    } catch (RuntimeException e) {
      // the chunks stay orphaned until the next open removes them
      cause.addSuppressed(e);
    }
  }

  /**
   * Deletes chunks that no artifact points at and whose upload began more than {@code ORPHAN_AGE}
   * ago: what uploads cut short by a crash left behind. Younger ones may belong to an upload still
   * running in another process on the same file; should such an upload outlive the age anyway, its
   * publish sees the missing chunks and fails rather than publish a torn file.
   */
  int removeOrphanChunks() {
    String before = Ids.newId(Instant.now().minus(ORPHAN_AGE)).toString();
    return writer.write(
        dsl ->
            dsl.deleteFrom(ARTIFACT_CHUNKS)
                .where(ARTIFACT_CHUNKS.BLOB_ID.lt(before))
                .and(ARTIFACT_CHUNKS.BLOB_ID.notIn(dsl.select(ARTIFACTS.BLOB_ID).from(ARTIFACTS)))
                .execute());
  }

  @Override
  public List<Artifact> list(UUID jobId) {
    return reader.read(
        dsl ->
            dsl.selectFrom(ARTIFACTS)
                .where(ARTIFACTS.JOB_ID.eq(Rows.text(jobId)))
                .orderBy(ARTIFACTS.NAME)
                .fetch(SqliteArtifactStore::toArtifact));
  }

  @Override
  public Optional<Artifact> find(UUID jobId, String name) {
    return Optional.ofNullable(
            reader.read(
                dsl ->
                    dsl.selectFrom(ARTIFACTS)
                        .where(ARTIFACTS.JOB_ID.eq(Rows.text(jobId)))
                        .and(ARTIFACTS.NAME.eq(name))
                        .fetchOne()))
        .map(SqliteArtifactStore::toArtifact);
  }

  @Override
  public void copyTo(UUID jobId, String name, OutputStream out) throws IOException {
    download.copy(jobId, name, out);
  }

  static Artifact toArtifact(ArtifactsRecord r) {
    return new Artifact(
        Rows.uuid(r.getJobId()),
        r.getName(),
        r.getContentType(),
        r.getSize(),
        r.getSha256(),
        Rows.instant(r.getCreatedAt()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
