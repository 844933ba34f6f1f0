package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.UserServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UserService contract over PostgreSQL: a schema per class, emptied per test. */
class PostgresUserServiceTest extends UserServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
