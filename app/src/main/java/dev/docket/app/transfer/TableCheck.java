package dev.docket.app.transfer;

import dev.docket.ports.transfer.TransferTable;

/**
 * One table's verification: the rows (and SHA-256) the target should hold and what it holds. The
 * digests are null when they cannot be compared (a merge adds to rows already there).
 */
record TableCheck(
    TransferTable table, long expectedRows, long rows, String expectedSha256, String sha256) {

  boolean ok() {
    return expectedRows == rows && (expectedSha256 == null || expectedSha256.equals(sha256));
  }

  /** What is wrong, for the one-line error; empty when nothing. */
  String problem() {
    if (expectedRows != rows) {
      return table.tableName() + " has " + rows + " rows where " + expectedRows + " were expected";
    }
    if (!ok()) {
      return table.tableName()
          + " rows differ (sha256 "
          + shortSha(sha256)
          + " where "
          + shortSha(expectedSha256)
          + " was expected)";
    }
    return "";
  }

  static String shortSha(String sha) {
    return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
  }
}
