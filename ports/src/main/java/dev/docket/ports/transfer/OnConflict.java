package dev.docket.ports.transfer;

/** What a {@link RecordWriter} does with a record whose row (or unique key) already exists. */
public enum OnConflict {
  /** Fail with {@link dev.docket.ports.ConflictException}; the current batch is not written. */
  FAIL,
  /** Keep the stored row, skip the record (and the chunks of a skipped artifact), count it. */
  SKIP
}
