package dev.docket.adapter.sqlite;

import dev.docket.ports.SchemaTooNewException;
import dev.docket.ports.StoreUnavailableException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/** Brings a database file's schema up to this build's, or refuses a newer one. */
final class Migrations {
  static final String FOLDER = "db/migration/sqlite";
  static final String LOCATION = "classpath:" + FOLDER;

  private Migrations() {}

  /**
   * Applies pending migrations.
   *
   * @throws SchemaTooNewException when the file holds migrations newer than this build's
   * @throws StoreUnavailableException when migrating fails
   */
  static void migrate(Connections connections) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(connections.url(), null, null)
            .locations(LOCATION)
            .load();
    try {
      refuseNewerSchema(flyway, connections);
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreUnavailableException(
          "cannot migrate " + connections.file() + ": " + e.getMessage(), e);
    }
  }

  private static void refuseNewerSchema(Flyway flyway, Connections connections) {
    MigrationInfo[] all = flyway.info().all();
    boolean future =
        Arrays.stream(all)
            .map(MigrationInfo::getState)
            .anyMatch(s -> s == MigrationState.FUTURE_SUCCESS || s == MigrationState.FUTURE_FAILED);
    if (!future) {
      return;
    }
    String applied = version(all, true);
    String known = version(all, false);
    throw new SchemaTooNewException(
        "the database "
            + connections.file()
            + " has schema version "
            + applied
            + " but this build of Docket only knows up to version "
            + known
            + "; run a newer Docket on it",
        applied,
        known);
  }

  /** The highest version applied to the file ({@code applied}) or known to this build. */
  private static String version(MigrationInfo[] all, boolean applied) {
    return Arrays.stream(all)
        .filter(i -> applied ? i.getInstalledOn() != null : isResolved(i))
        .map(MigrationInfo::getVersion)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion)
        .orElse("none");
  }

  private static boolean isResolved(MigrationInfo i) {
    return i.getState() != MigrationState.FUTURE_SUCCESS
        && i.getState() != MigrationState.FUTURE_FAILED;
  }
}
