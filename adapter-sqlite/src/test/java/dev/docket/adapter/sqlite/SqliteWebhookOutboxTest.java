package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.contract.WebhookOutboxContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The WebhookOutbox contract on a fresh SQLite file per test, with a second store on the file. */
class SqliteWebhookOutboxTest extends WebhookOutboxContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }

  @Override
  protected Store openPeerStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
