package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.EventServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EventService contract over PostgreSQL: a schema per class, emptied per test. */
class PostgresEventServiceTest extends EventServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
