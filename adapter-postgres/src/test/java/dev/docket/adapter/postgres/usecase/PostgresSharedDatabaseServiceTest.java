package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.adapter.postgres.PostgresStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.SharedDatabaseServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two server instances on one PostgreSQL schema. */
class PostgresSharedDatabaseServiceTest extends SharedDatabaseServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }

  @Override
  protected Store openPeerStore() {
    // not PG.openStore(): that would empty the tables the first store just set up
    return PostgresStore.open(PostgresFixture.serverUrl(), PG.options());
  }
}
