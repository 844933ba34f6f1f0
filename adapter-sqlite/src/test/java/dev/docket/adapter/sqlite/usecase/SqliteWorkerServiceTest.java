package dev.docket.adapter.sqlite.usecase;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.WorkerServiceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The WorkerService contract over SQLite, on a fresh file per test. */
class SqliteWorkerServiceTest extends WorkerServiceContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
