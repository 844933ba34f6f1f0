package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.admin.StoreAdmin;
import dev.docket.ports.contract.StoreAdminContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The StoreAdmin contract next to an open store, on this class's schema. */
class PostgresStoreAdminTest extends StoreAdminContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }

  @Override
  protected StoreAdmin admin() {
    String url = PostgresFixture.serverUrl();
    return new PostgresStoreAdmin(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + PG.schema(), null);
  }
}
