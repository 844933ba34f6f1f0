package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.contract.SignalsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The Signals contract on a fresh SQLite file per test. */
class SqliteSignalsTest extends SignalsContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
