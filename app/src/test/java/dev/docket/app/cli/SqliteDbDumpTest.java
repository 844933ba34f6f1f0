package dev.docket.app.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket db dump} on a SQLite file. */
class SqliteDbDumpTest extends DbDumpContract {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }
}
