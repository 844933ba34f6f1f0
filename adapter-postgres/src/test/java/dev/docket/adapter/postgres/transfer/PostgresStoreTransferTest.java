package dev.docket.adapter.postgres.transfer;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.adapter.postgres.PostgresStore;
import dev.docket.ports.Store;
import dev.docket.ports.transfer.StoreTransferContract;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transfer contract on PostgreSQL: the target store lives in a second schema of its own. */
class PostgresStoreTransferTest extends StoreTransferContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();
  private static final String TARGET_SCHEMA = PostgresFixture.newSchemaName();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }

  @Override
  protected Store openTargetStore() {
    dropTargetSchema();
    return PostgresStore.open(PostgresFixture.serverUrl(), PG.options().withSchema(TARGET_SCHEMA));
  }

  @AfterAll
  static void dropTargetSchema() {
    try (Connection c = PostgresFixture.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + TARGET_SCHEMA + " CASCADE");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot drop schema " + TARGET_SCHEMA, e);
    }
  }
}
