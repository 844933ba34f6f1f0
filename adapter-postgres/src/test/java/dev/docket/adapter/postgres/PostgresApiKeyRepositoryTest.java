package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.contract.ApiKeyRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresApiKeyRepositoryTest extends ApiKeyRepositoryContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
