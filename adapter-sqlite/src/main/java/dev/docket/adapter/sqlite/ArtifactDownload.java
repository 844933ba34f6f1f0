package dev.docket.adapter.sqlite;

import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACTS;
import static dev.docket.adapter.sqlite.jooq.Tables.ARTIFACT_CHUNKS;

import dev.docket.adapter.sqlite.jooq.tables.records.ArtifactsRecord;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.StoreUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Streams an artifact's chunks to a client, one chunk in memory at a time, from one read snapshot
 * (so a replacement published meanwhile cannot mix two versions). A download may be as slow as its
 * client, so it runs on a connection of its own rather than holding one of the pool.
 */
final class ArtifactDownload {
  private final Connections connections;
  private final Duration budget;

  ArtifactDownload(Connections connections, Duration budget) {
    this.connections = connections;
    this.budget = budget;
  }

  void copy(UUID jobId, String name, OutputStream out) throws IOException {
    try (Connection c = connections.openReader()) {
      DSLContext dsl = Jooq.using(c);
      ArtifactsRecord artifact = openSnapshot(c, dsl, jobId, name);
      try {
        stream(dsl, artifact, out);
      } finally {
        Reader.run(c, "ROLLBACK");
      }
    } catch (SQLException | DataAccessException e) {
      throw new StoreUnavailableException("SQLite read failed: " + e.getMessage(), e);
    }
  }

  /** Begins the read transaction and finds the artifact, retrying while the file is busy. */
  private ArtifactsRecord openSnapshot(Connection c, DSLContext dsl, UUID jobId, String name) {
    BusyBackoff backoff = new BusyBackoff(budget);
    while (true) {
      try {
        Reader.run(c, "BEGIN");
        ArtifactsRecord r =
            dsl.selectFrom(ARTIFACTS)
                .where(ARTIFACTS.JOB_ID.eq(Rows.text(jobId)))
                .and(ARTIFACTS.NAME.eq(name))
                .fetchOne();
        if (r == null) {
          Reader.run(c, "ROLLBACK");
          throw new NotFoundException("artifact", jobId + "/" + name);
        }
        return r;
      } catch (DataAccessException e) {
        rollbackQuietly(c);
        if (!SqlErrors.isBusy(e) || !backoff.pause()) {
          throw e;
        }
      }
    }
  }

  private static void stream(DSLContext dsl, ArtifactsRecord artifact, OutputStream out)
      throws IOException {
    long written = 0;
    for (int no = 0; written < artifact.getSize(); no++) {
      byte[] chunk =
          dsl.select(ARTIFACT_CHUNKS.DATA)
              .from(ARTIFACT_CHUNKS)
              .where(ARTIFACT_CHUNKS.BLOB_ID.eq(artifact.getBlobId()))
              .and(ARTIFACT_CHUNKS.CHUNK_NO.eq(no))
              .fetchOne(ARTIFACT_CHUNKS.DATA);
      if (chunk == null) {
        throw new IllegalStateException(
            "artifact " + artifact.getJobId() + "/" + artifact.getName() + " misses chunk " + no);
      }
      out.write(chunk);
      written += chunk.length;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      Reader.run(c, "ROLLBACK");
    } catch (DataAccessException ignored) {
      // no transaction was open
    }
  }
}
