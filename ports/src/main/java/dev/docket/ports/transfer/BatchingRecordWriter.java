package dev.docket.ports.transfer;

import dev.docket.domain.Artifact;
import dev.docket.ports.transfer.TransferRecord.ArtifactRow;
import dev.docket.ports.transfer.TransferRecord.ChunkRow;
import dev.docket.ports.transfer.TransferRecord.EventRow;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every store's {@link RecordWriter} shares: queueing records into batches bounded by count
 * and bytes, checking that each artifact is followed by exactly its chunks, and tallying. A store
 * only writes one batch in one transaction ({@link #writeBatch}).
 */
public abstract class BatchingRecordWriter implements RecordWriter {
  private static final int ROW_OVERHEAD = 200;

  private final WriteOptions options;
  private final List<TransferRecord> batch = new ArrayList<>();
  private final WriteTally tally = new WriteTally();
  private long batchBytes;
  private Artifact artifact;
  private int nextChunk;
  private long artifactBytes;
  private boolean spent;
  private boolean closed;

  protected BatchingRecordWriter(WriteOptions options) {
    this.options = options;
  }

  protected final WriteOptions options() {
    return options;
  }

  /**
   * Writes {@code batch} in one transaction, all or nothing, and answers what it wrote and skipped.
   * The records are in sequence (chunks follow their artifact, possibly in a later batch).
   */
  protected abstract WriteTally writeBatch(List<TransferRecord> batch);

  @Override
  public final void write(TransferRecord record) {
    if (spent || closed) {
      throw new IllegalStateException("this writer is " + (closed ? "closed" : "spent"));
    }
    try {
      checkSequence(record);
      batch.add(record);
      batchBytes += weight(record);
      if (batch.size() >= options.batchSize() || batchBytes >= options.batchBytes()) {
        flush();
      }
    } catch (RuntimeException | Error e) {
      spent = true;
      throw e;
    }
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (spent) {
      return;
    }
    try {
      finishArtifact();
      flush();
    } catch (RuntimeException | Error e) {
      spent = true;
      throw e;
    }
  }

  @Override
  public final Map<TransferTable, Long> written() {
    return tally.written();
  }

  @Override
  public final Map<TransferTable, Long> skipped() {
    return tally.skipped();
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    tally.add(writeBatch(List.copyOf(batch)));
    batch.clear();
    batchBytes = 0;
  }

  private void checkSequence(TransferRecord record) {
    if (record instanceof ChunkRow c) {
      checkChunk(c);
      return;
    }
    finishArtifact();
    if (record instanceof ArtifactRow a) {
      artifact = a.artifact();
      nextChunk = 0;
      artifactBytes = 0;
    }
  }

  private void checkChunk(ChunkRow c) {
    if (artifact == null
        || !artifact.jobId().equals(c.jobId())
        || !artifact.name().equals(c.name())) {
      throw new TransferException(
          "chunk " + c.chunkNo() + " of artifact " + key(c) + " does not follow its artifact");
    }
    if (c.chunkNo() != nextChunk) {
      throw new TransferException(
          "artifact "
              + key(c)
              + ": chunk "
              + c.chunkNo()
              + " where chunk "
              + nextChunk
              + " was due");
    }
    nextChunk++;
    artifactBytes += c.data().length;
    if (artifactBytes > artifact.size()) {
      throw new TransferException(
          "artifact " + key(c) + " has more bytes than its size of " + artifact.size());
    }
  }

  private void finishArtifact() {
    if (artifact != null && artifactBytes != artifact.size()) {
      throw new TransferException(
          "artifact "
              + artifact.jobId()
              + "/"
              + artifact.name()
              + " got "
              + artifactBytes
              + " of its "
              + artifact.size()
              + " bytes");
    }
    artifact = null;
  }

  private static String key(ChunkRow c) {
    return c.jobId() + "/" + c.name();
  }

  /** Roughly what a record holds in memory, to bound a batch. */
  private static long weight(TransferRecord record) {
    return ROW_OVERHEAD
        + switch (record) {
          case ChunkRow c -> c.data().length;
          case JobRow j ->
              2L
                  * (j.job().payload().length()
                      + j.job().metadata().length()
                      + (j.job().result() == null ? 0 : j.job().result().length()));
          case EventRow e -> 2L * e.event().data().length();
          default -> 0L;
        };
  }
}
