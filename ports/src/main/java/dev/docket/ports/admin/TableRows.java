package dev.docket.ports.admin;

import java.util.Map;

/**
 * Receives rows as they are read, so a dump or a query never holds a whole table in memory. Values
 * are numbers, strings, booleans, {@code byte[]}, {@link java.time.Instant}s or text.
 */
public interface TableRows {
  /** A dump moves on to the next table (never called by a query). */
  default void table(String name) {}

  /** One row, its columns by label in select order (a repeated label numbered: {@code id_2}). */
  void row(Map<String, Object> columns);

  /** One row that the database rendered as a JSON object itself (PostgreSQL queries). */
  void json(String object);
}
