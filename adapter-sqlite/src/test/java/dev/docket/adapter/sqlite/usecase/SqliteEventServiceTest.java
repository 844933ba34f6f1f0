package dev.docket.adapter.sqlite.usecase;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.EventServiceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The EventService contract over SQLite, on a fresh file per test. */
class SqliteEventServiceTest extends EventServiceContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
