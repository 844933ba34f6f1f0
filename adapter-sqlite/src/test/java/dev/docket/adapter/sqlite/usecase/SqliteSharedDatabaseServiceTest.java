package dev.docket.adapter.sqlite.usecase;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.SharedDatabaseServiceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one SQLite file, as when the command line works beside a running server. */
class SqliteSharedDatabaseServiceTest extends SharedDatabaseServiceContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }

  @Override
  protected Store openPeerStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
