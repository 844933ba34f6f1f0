package dev.docket.app.cli;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.nio.file.Path;

/** A SQLite file in a test's temporary folder (never {@code :memory:}). */
final class SqliteBackend implements Backend {
  private final Path dir;
  private Path file;

  SqliteBackend(Path dir) {
    this.dir = dir;
  }

  @Override
  public String create() {
    file = dir.resolve("docket.db");
    return "sqlite:" + file;
  }

  Path file() {
    return file;
  }

  @Override
  public Store open(String db) {
    return SqliteStore.open(Path.of(db.substring("sqlite:".length())));
  }

  @Override
  public void drop() {
    // the temporary folder goes with the test
  }

  @Override
  public String name() {
    return "sqlite";
  }
}
