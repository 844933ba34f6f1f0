package dev.docket.ports.transfer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Rows written and rows skipped (already present), per table. Not thread-safe. */
public final class WriteTally {
  private final Map<TransferTable, Long> written = zeros();
  private final Map<TransferTable, Long> skipped = zeros();

  /** Counts one row of {@code table} as written ({@code true}) or skipped. */
  public void count(TransferTable table, boolean wasWritten) {
    (wasWritten ? written : skipped).merge(table, 1L, Long::sum);
  }

  /** Adds {@code other}'s counts to this tally. */
  public void add(WriteTally other) {
    other.written.forEach((t, n) -> written.merge(t, n, Long::sum));
    other.skipped.forEach((t, n) -> skipped.merge(t, n, Long::sum));
  }

  /** Rows written per table; every table present. */
  public Map<TransferTable, Long> written() {
    return Collections.unmodifiableMap(new EnumMap<>(written));
  }

  /** Rows skipped per table; every table present. */
  public Map<TransferTable, Long> skipped() {
    return Collections.unmodifiableMap(new EnumMap<>(skipped));
  }

  /** A map of every table to 0, in transfer order. */
  public static Map<TransferTable, Long> zeros() {
    Map<TransferTable, Long> m = new EnumMap<>(TransferTable.class);
    for (TransferTable t : TransferTable.values()) {
      m.put(t, 0L);
    }
    return m;
  }
}
