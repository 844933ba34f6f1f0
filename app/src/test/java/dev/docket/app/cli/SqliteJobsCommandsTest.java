package dev.docket.app.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket jobs …} on a SQLite file. */
class SqliteJobsCommandsTest extends JobsCommandsContract {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }
}
