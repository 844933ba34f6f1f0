package dev.docket.app.cli;

/** {@code docket prune} on PostgreSQL, in a throwaway schema. */
class PostgresPruneCommandTest extends PruneCommandContract {
  @Override
  Backend backend() {
    return new PostgresBackend();
  }
}
