package dev.docket.app.cli;

/** {@code docket db dump} on PostgreSQL, in a throwaway schema. */
class PostgresDbDumpTest extends DbDumpContract {
  @Override
  Backend backend() {
    return new PostgresBackend();
  }
}
