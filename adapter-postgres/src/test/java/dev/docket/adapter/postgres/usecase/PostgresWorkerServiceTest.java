package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.WorkerServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WorkerService contract over PostgreSQL: a schema per class, emptied per test. */
class PostgresWorkerServiceTest extends WorkerServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
