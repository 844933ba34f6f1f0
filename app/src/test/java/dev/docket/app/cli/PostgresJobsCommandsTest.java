package dev.docket.app.cli;

/** {@code docket jobs …} on PostgreSQL, in a throwaway schema. */
class PostgresJobsCommandsTest extends JobsCommandsContract {
  @Override
  Backend backend() {
    return new PostgresBackend();
  }
}
