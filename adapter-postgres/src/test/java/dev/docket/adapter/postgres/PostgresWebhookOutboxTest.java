package dev.docket.adapter.postgres;

import dev.docket.ports.Store;
import dev.docket.ports.contract.WebhookOutboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WebhookOutbox contract on PostgreSQL, with a second store (instance) on the same schema. */
class PostgresWebhookOutboxTest extends WebhookOutboxContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }

  @Override
  protected Store openPeerStore() {
    // not PG.openStore(): that would empty the tables the first store just set up
    return PostgresStore.open(PostgresFixture.serverUrl(), PG.options());
  }
}
