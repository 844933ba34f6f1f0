package dev.docket.app.transfer;

import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Row count and SHA-256 per table over the canonical NDJSON line (and its newline) of every record,
 * in the order a store reads them. Two stores with the same rows give the same digests whatever
 * their backend, because the line is the same and so is the order.
 */
final class TableDigests {
  private final Map<TransferTable, MessageDigest> digests = new EnumMap<>(TransferTable.class);
  private final Map<TransferTable, Long> rows = new EnumMap<>(TransferTable.class);
  private long bytes;

  TableDigests() {
    for (TransferTable t : TransferTable.values()) {
      digests.put(t, sha256());
      rows.put(t, 0L);
    }
  }

  /** Adds a record whose canonical line is {@code line} (without its newline). */
  void add(TransferRecord record, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    MessageDigest d = digests.get(record.table());
    d.update(b);
    d.update((byte) '\n');
    rows.merge(record.table(), 1L, Long::sum);
    bytes += b.length + 1L;
  }

  /** Adds a record, encoding it first. */
  void add(TransferRecord record) {
    add(record, NdjsonCodec.encode(record));
  }

  long records() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes of the canonical lines so far. */
  long bytes() {
    return bytes;
  }

  /** The summary per table; the digests are final, so call it once, at the end. */
  Map<TransferTable, TableSummary> finish() {
    Map<TransferTable, TableSummary> out = new EnumMap<>(TransferTable.class);
    for (TransferTable t : TransferTable.values()) {
      out.put(t, new TableSummary(rows.get(t), HexFormat.of().formatHex(digests.get(t).digest())));
    }
    return Collections.unmodifiableMap(out);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
