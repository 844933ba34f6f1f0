package dev.docket.app;

/**
 * @param applied the newest migration applied to the database, 0 when none
 * @param supported the newest migration this build carries
 */
record SchemaVersion(int applied, int supported) {
  boolean isNewerThanBuild() {
    return applied > supported;
  }

  int pending() {
    return Math.max(0, supported - applied);
  }

  CommandFailedException newerError() {
    return new CommandFailedException(
        "database schema version "
            + applied
            + " is newer than this build supports ("
            + supported
            + "); upgrade docket");
  }
}
