package dev.docket.adapter.sqlite;

import dev.docket.ports.Store;
import dev.docket.ports.contract.ArtifactStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ArtifactStore contract on a fresh SQLite file per test. */
class SqliteArtifactStoreTest extends ArtifactStoreContract {
  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("docket.db"));
  }
}
