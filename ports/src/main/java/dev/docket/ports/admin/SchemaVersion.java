package dev.docket.ports.admin;

import dev.docket.ports.SchemaTooNewException;

/**
 * Where a database's schema stands against this build.
 *
 * @param applied the newest migration applied to the database, 0 when none
 * @param supported the newest migration this build carries
 */
public record SchemaVersion(int applied, int supported) {
  public boolean isNewerThanBuild() {
    return applied > supported;
  }

  /** How many migrations opening the store would apply. */
  public int pending() {
    return Math.max(0, supported - applied);
  }

  /** The one-line refusal for a schema newer than this build. */
  public SchemaTooNewException newerError() {
    return new SchemaTooNewException(
        "database schema version "
            + applied
            + " is newer than this build supports ("
            + supported
            + "); upgrade docket",
        Integer.toString(applied),
        Integer.toString(supported));
  }
}
