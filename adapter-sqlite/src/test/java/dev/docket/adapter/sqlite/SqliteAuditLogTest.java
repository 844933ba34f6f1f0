package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.contract.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The AuditLog contract on a fresh SQLite file per test. */
class SqliteAuditLogTest extends AuditLogContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
