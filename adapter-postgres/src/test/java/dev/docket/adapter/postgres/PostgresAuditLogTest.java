package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.contract.AuditLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuditLogTest extends AuditLogContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
