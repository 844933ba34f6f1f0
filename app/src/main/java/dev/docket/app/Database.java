package dev.docket.app;

import dev.docket.ports.Store;

/**
 * One database named by {@code --db}, with what the command line needs beyond the {@link Store}
 * port: a guard that refuses databases this build must not touch, inspection and checks.
 */
public interface Database {
  /** {@code sqlite} or {@code postgresql}. */
  String backend();

  /** How messages name it: the path as given, or the URL without its password. */
  String location();

  /**
   * Fails with one clear line ({@link CommandFailedException}) when this build must not open the
   * database: not a database, not a Docket database, or a schema newer than this build.
   */
  void preflight();

  /** Opens the store, applying pending migrations. Call {@link #preflight()} first. */
  Store open();

  /** The applied schema version (0 for an empty database) and the newest this build knows. */
  SchemaVersion schemaVersion();

  DbInfo info();

  DbCheck check();
}
