package dev.docket.adapter.sqlite;

import dev.docket.domain.Job;
import dev.docket.ports.JobChange;
import dev.docket.ports.Store;
import dev.docket.ports.contract.FencedWriteContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The fenced-write contract through the writer, on a fresh SQLite file per test. */
class SqliteFencedWriteTest extends FencedWriteContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }

  @Override
  protected void writeOver(Job stale, JobChange change) {
    SqliteStore sqlite = (SqliteStore) store;
    sqlite.writer().write(dsl -> JobRows.apply(dsl, stale, change, store.jobs().now()));
  }
}
