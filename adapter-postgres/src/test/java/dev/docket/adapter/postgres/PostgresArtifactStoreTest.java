package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.contract.ArtifactStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresArtifactStoreTest extends ArtifactStoreContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
