package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.contract.EventRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventRepositoryTest extends EventRepositoryContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
