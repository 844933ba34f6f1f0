package dev.docket.ports.transfer;

import java.util.Map;

/**
 * Writes transfer records into a store, in batches of one transaction each, keeping every column as
 * given (ids, times, versions, seqs). Records must come in {@link TransferTable} order as far as
 * rows refer to each other (a key after its user, an event or artifact after its job), and an
 * artifact's chunks right after it, in chunk order.
 *
 * <p>Not thread-safe. Once a write fails the writer is spent: later calls fail, and {@link
 * #close()} writes nothing more.
 */
public interface RecordWriter extends AutoCloseable {
  /**
   * Queues {@code record}, writing the queued batch when it is full.
   *
   * @throws TransferException when the record is out of sequence or refers to a missing row
   * @throws dev.docket.ports.ConflictException when the row exists and conflicts {@link
   *     OnConflict#FAIL}
   * @throws dev.docket.ports.StoreUnavailableException when the store cannot be written
   */
  void write(TransferRecord record);

  /**
   * Writes what is still queued and checks that the last artifact got all of its bytes.
   *
   * @throws TransferException when it did not
   */
  @Override
  void close();

  /** Rows written so far, per table (every table present). */
  Map<TransferTable, Long> written();

  /** Rows skipped so far because they existed ({@link OnConflict#SKIP}), per table. */
  Map<TransferTable, Long> skipped();
}
