package dev.docket.ports.transfer;

/** Receives the records of a {@link StoreTransfer#read}, one at a time. */
@FunctionalInterface
public interface RecordSink {
  /**
   * Takes one record. May throw to stop the read; the exception then leaves {@link
   * StoreTransfer#read} unchanged.
   */
  void accept(TransferRecord record);
}
