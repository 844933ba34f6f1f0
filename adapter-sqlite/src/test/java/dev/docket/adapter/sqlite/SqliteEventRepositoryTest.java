package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.contract.EventRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The EventRepository contract on a fresh SQLite file per test. */
class SqliteEventRepositoryTest extends EventRepositoryContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
