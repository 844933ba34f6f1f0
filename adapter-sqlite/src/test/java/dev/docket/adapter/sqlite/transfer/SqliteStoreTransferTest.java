package dev.docket.adapter.sqlite.transfer;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.transfer.StoreTransferContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTransferTest extends StoreTransferContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("source.db"));
  }

  @Override
  protected Store openTargetStore() {
    return SqliteStore.open(dir.resolve("target.db"));
  }
}
