package dev.docket.ports.admin;

import java.util.Map;

/**
 * What a database is and holds.
 *
 * @param backend {@code sqlite} or {@code postgresql}
 * @param location the file as given, or the URL without its password
 * @param sizeBytes the file with its write-ahead log, or the database's size on the server
 * @param serverVersion e.g. {@code SQLite 3.50.4} or {@code PostgreSQL 17.2}
 * @param journalMode SQLite's journal mode; null where there is none (PostgreSQL)
 * @param rowCounts rows per Docket table, by table name, in name order
 */
public record DatabaseInfo(
    String backend,
    String location,
    SchemaVersion schema,
    long sizeBytes,
    String serverVersion,
    String journalMode,
    Map<String, Long> rowCounts) {}
