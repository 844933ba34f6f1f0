package dev.docket.ports.admin;

import dev.docket.ports.SchemaTooNewException;
import dev.docket.ports.Store;
import dev.docket.ports.StoreUnavailableException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Administering one database, whether or not its {@link Store} is open: each adapter builds one
 * from where the database is, without creating or migrating anything. Inspection (version, info,
 * check, dump, query) runs on its own read-only connection, so it works next to a running server.
 * Failures are {@link StoreAdminException} (refused, nothing changed unless it says so), {@link
 * SchemaTooNewException} and {@link StoreUnavailableException}; never a driver exception.
 */
public interface StoreAdmin {
  /** {@code sqlite} or {@code postgresql}. */
  String backend();

  /** How messages name the database: the path as given, or the URL without its password. */
  String location();

  /**
   * Refuses a database this build must not touch: not a database, not a Docket database, or a
   * schema newer than this build ({@link SchemaTooNewException}). A database that does not exist
   * yet passes.
   */
  void preflight();

  /** Opens the store, creating and migrating the database as needed. Call {@link #preflight()}. */
  Store open();

  /**
   * The applied schema version (0 for an empty or missing database) and the newest this build
   * knows.
   */
  SchemaVersion schemaVersion();

  /** The migration history as recorded in the database, oldest first; empty when there is none. */
  List<AppliedMigration> history();

  /** Size, server version, row counts; fails when the database does not exist. */
  DatabaseInfo info();

  /** SQLite: {@code integrity_check} and {@code foreign_key_check}. PostgreSQL: connectivity. */
  IntegrityReport check();

  /**
   * Every table, rows as stored, read in one consistent snapshot on a read-only connection; tables
   * in name order, rows in insertion (SQLite) or first-column (PostgreSQL) order.
   */
  void dump(TableRows out);

  /**
   * Runs one ad-hoc query. Read-only is enforced by the database (a read-only connection or
   * transaction), never by looking at the text.
   *
   * @throws StoreAdminException when the database refuses or the query fails
   */
  void query(String sql, TableRows out);

  /**
   * Writes a consistent, checked copy of the database to {@code target} while it is in use; the
   * copy gets its name only once it passed its integrity check.
   *
   * @param copiedBytes told the bytes written so far, now and then
   * @return the copy's check
   * @throws StoreAdminException when the backend has no such copy (PostgreSQL: use pg_dump), the
   *     database is missing or {@code target} exists
   */
  IntegrityReport backup(Path target, LongConsumer copiedBytes);

  /** The size a {@link #backup} reads, for progress; 0 when unknown. */
  long backupSourceBytes();

  /**
   * Replaces the database with a backup made by {@link #backup}, after checking everything about
   * the backup (a database, healthy, a Docket schema no newer than this build) and that nobody has
   * the database open. Does not migrate: open the store after it.
   *
   * @return the backup's check, with its schema version
   * @throws StoreAdminException when refused; the database is then untouched
   */
  IntegrityReport restore(Path backup);

  /**
   * Deletes all data: SQLite deletes the file and its side files (refused while in use); PostgreSQL
   * empties every Docket table, keeping the schema.
   */
  ResetOutcome reset();
}
