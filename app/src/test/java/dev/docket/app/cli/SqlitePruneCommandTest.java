package dev.docket.app.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket prune} on a SQLite file. */
class SqlitePruneCommandTest extends PruneCommandContract {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }
}
