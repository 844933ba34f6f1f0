package dev.docket.adapter.sqlite.usecase;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.RescueServiceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The RescueService contract over SQLite, on a fresh file per test. */
class SqliteRescueServiceTest extends RescueServiceContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
