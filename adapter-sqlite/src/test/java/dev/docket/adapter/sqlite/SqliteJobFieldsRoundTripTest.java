package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.contract.JobFieldsRoundTripContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Every field of a job through a fresh SQLite file per test. */
class SqliteJobFieldsRoundTripTest extends JobFieldsRoundTripContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
