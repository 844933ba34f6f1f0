package dev.docket.adapter.postgres;

import dev.docket.ports.SchemaTooNewException;
import dev.docket.ports.StoreUnavailableException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Brings the schema to the version this build knows, or refuses a schema that is newer. */
final class Migrations {
  static final String FOLDER = "db/migration/postgres";
  static final String LOCATION = "classpath:" + FOLDER;

  private Migrations() {}

  static void migrate(DataSource dataSource, String schema) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .locations(LOCATION)
            .load();
    try {
      refuseNewer(flyway);
      flyway.migrate();
    } catch (FlywayException e) {
      if (e.getCause() instanceof SQLException sql && SqlErrors.isConnectionFailure(sql)) {
        throw new StoreUnavailableException("cannot reach PostgreSQL: " + e.getMessage(), e);
      }
      throw new StoreUnavailableException(
          "cannot migrate schema " + schema + ": " + e.getMessage(), e);
    }
  }

  /**
   * Flyway ignores applied migrations it does not know by default; a newer Docket may have changed
   * what the tables mean, so this build must not touch them.
   */
  private static void refuseNewer(Flyway flyway) {
    MigrationInfo[] future =
        Arrays.stream(flyway.info().all())
            .filter(
                i ->
                    i.getState() == MigrationState.FUTURE_SUCCESS
                        || i.getState() == MigrationState.FUTURE_FAILED)
            .toArray(MigrationInfo[]::new);
    if (future.length > 0) {
      String versions =
          Arrays.stream(future)
              .map(i -> String.valueOf(i.getVersion()))
              .collect(Collectors.joining(", "));
      throw new SchemaTooNewException(
          "the database schema was migrated by a newer Docket (versions "
              + versions
              + " are unknown to this build); upgrade Docket to use it",
          String.valueOf(future[future.length - 1].getVersion()),
          Integer.toString(SchemaHistory.bundled()));
    }
  }
}
