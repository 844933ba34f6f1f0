package dev.docket.ports.transfer;

import java.util.Map;

/**
 * A whole store as a stream of {@link TransferRecord}s, out and in: how {@code docket export},
 * {@code import} and {@code copy} move a store between backends. Reads and writes hold a bounded
 * amount in memory whatever the size of the store (artifacts travel chunk by chunk).
 */
public interface StoreTransfer {

  /** Rows per table, every table present, in {@link TransferTable} order. */
  Map<TransferTable, Long> counts();

  /** Whether no table holds a row. */
  boolean isEmpty();

  /**
   * Streams every row to {@code sink}, in {@link TransferTable} order and, within a table, in a
   * fixed order that is the same on every backend (by id; events by job and seq; artifacts by job
   * and name, byte-wise, each followed by its chunks). The rows come from one consistent snapshot
   * where the backend offers it, through cursors rather than whole tables in memory.
   *
   * @throws dev.docket.ports.StoreUnavailableException when the store cannot be read
   */
  void read(RecordSink sink);

  /** A writer into this store; close it to write its last batch. */
  RecordWriter writer(WriteOptions options);
}
