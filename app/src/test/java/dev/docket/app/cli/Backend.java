package dev.docket.app.cli;

import dev.docket.ports.Store;

/** Where a test's database lives: a fresh one per test, opened as a store, thrown away after. */
interface Backend {
  /** A new, empty database; the {@code --db} value naming it. */
  String create() throws Exception;

  /** Opens (and migrates) the store on the database {@link #create} made. */
  Store open(String db);

  /** Drops what {@link #create} made. */
  void drop() throws Exception;

  String name();
}
