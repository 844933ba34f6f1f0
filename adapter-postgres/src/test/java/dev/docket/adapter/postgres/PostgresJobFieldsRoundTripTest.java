package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.contract.JobFieldsRoundTripContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every field of a job through PostgreSQL, in a session time zone far from UTC. */
class PostgresJobFieldsRoundTripTest extends JobFieldsRoundTripContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
