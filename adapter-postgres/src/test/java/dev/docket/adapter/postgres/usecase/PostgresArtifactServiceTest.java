package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.ArtifactServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ArtifactService contract over PostgreSQL: a schema per class, emptied per test. */
class PostgresArtifactServiceTest extends ArtifactServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
