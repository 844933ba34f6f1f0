package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.RescueServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The RescueService contract over PostgreSQL: a schema per class, emptied per test. */
class PostgresRescueServiceTest extends RescueServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
