package dev.docket.ports.transfer;

import java.util.Objects;

/**
 * How a {@link RecordWriter} writes: at most {@code batchSize} records and about {@code batchBytes}
 * bytes of record data per transaction (whichever comes first, so a run of artifact chunks does not
 * pile up in memory), and what to do with records that already exist.
 */
public record WriteOptions(int batchSize, long batchBytes, OnConflict onConflict) {
  public static final int DEFAULT_BATCH_SIZE = 1000;
  public static final long DEFAULT_BATCH_BYTES = 8L * 1024 * 1024;

  public WriteOptions {
    Objects.requireNonNull(onConflict, "onConflict");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1");
    }
    if (batchBytes < 1) {
      throw new IllegalArgumentException("batchBytes must be >= 1");
    }
  }

  /** {@value #DEFAULT_BATCH_SIZE} records or 8 MiB per batch, failing on existing rows. */
  public static WriteOptions defaults() {
    return new WriteOptions(DEFAULT_BATCH_SIZE, DEFAULT_BATCH_BYTES, OnConflict.FAIL);
  }

  public WriteOptions withBatchSize(int size) {
    return new WriteOptions(size, batchBytes, onConflict);
  }

  public WriteOptions withBatchBytes(long bytes) {
    return new WriteOptions(batchSize, bytes, onConflict);
  }

  public WriteOptions withOnConflict(OnConflict value) {
    return new WriteOptions(batchSize, batchBytes, value);
  }
}
