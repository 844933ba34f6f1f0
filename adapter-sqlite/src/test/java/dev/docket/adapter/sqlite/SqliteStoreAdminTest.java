package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.contract.StoreAdminContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The StoreAdmin contract next to an open store on a fresh SQLite file per test. */
class SqliteStoreAdminTest extends StoreAdminContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }

  @Override
  protected StoreAdmin admin() {
    return new SqliteStoreAdmin(dir.resolve("docket.db").toString());
  }
}
