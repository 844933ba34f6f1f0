package dev.docket.adapter.postgres.usecase;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.WebhookServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook use cases and sender over PostgreSQL. */
class PostgresWebhookServiceTest extends WebhookServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }
}
