package dev.docket.adapter.sqlite.usecase;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.WebhookServiceContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The webhook use cases and sender over SQLite, on a fresh file per test. */
class SqliteWebhookServiceTest extends WebhookServiceContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
