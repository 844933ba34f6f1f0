package dev.docket.app.cli;

/** {@code docket users|keys …} on PostgreSQL, in a throwaway schema. */
class PostgresUsersKeysCommandsTest extends UsersKeysCommandsContract {
  @Override
  Backend backend() {
    return new PostgresBackend();
  }
}
