package dev.docket.adapter.postgres;

import dev.docket.domain.Job;
import dev.docket.ports.JobChange;
import dev.docket.ports.Store;
import dev.docket.ports.contract.FencedWriteContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fenced-write contract through one transaction, on a fresh schema per test. */
class PostgresFencedWriteTest extends FencedWriteContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }

  @Override
  protected void writeOver(Job stale, JobChange change) {
    PostgresStore postgres = (PostgresStore) store;
    postgres
        .db()
        .tx(ctx -> PostgresJobRepository.write(ctx, stale, change.apply(stale, Db.now(ctx))));
  }
}
