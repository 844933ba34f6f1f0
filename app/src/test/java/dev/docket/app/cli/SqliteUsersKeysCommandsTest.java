package dev.docket.app.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket users|keys …} on a SQLite file. */
class SqliteUsersKeysCommandsTest extends UsersKeysCommandsContract {
  @TempDir Path dir;

  @Override
  Backend backend() {
    return new SqliteBackend(dir);
  }
}
