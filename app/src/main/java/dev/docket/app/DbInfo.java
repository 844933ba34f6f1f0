package dev.docket.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code docket db info} shows.
 *
 * @param sizeBytes the file with its write-ahead log, or the database's size on the server
 * @param serverVersion e.g. {@code SQLite 3.50.4} or {@code PostgreSQL 17.2}
 * @param journalMode SQLite's journal mode, null for Postgres
 * @param rowCounts rows per table, by table name
 */
record DbInfo(
    String backend,
    String location,
    SchemaVersion schema,
    long sizeBytes,
    String serverVersion,
    String journalMode,
    Map<String, Long> rowCounts) {

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("backend", backend);
    m.put("location", location);
    m.put("schema_version", schema.applied());
    m.put("supported_schema_version", schema.supported());
    m.put("size_bytes", sizeBytes);
    m.put("server_version", serverVersion);
    m.put("journal_mode", journalMode);
    m.put("row_counts", rowCounts);
    return m;
  }
}
