package dev.docket.adapter.sqlite;

/**
 * The database file was migrated by a newer Docket than this one: its schema has migrations this
 * build does not know, so this build refuses to use it rather than misread it.
 */
public final class SchemaTooNewException extends IllegalStateException {
  private final String databaseVersion;
  private final String supportedVersion;

  public SchemaTooNewException(String file, String databaseVersion, String supportedVersion) {
    super(
        "the database "
            + file
            + " has schema version "
            + databaseVersion
            + " but this build of Docket only knows up to version "
            + supportedVersion
            + "; run a newer Docket on it");
    this.databaseVersion = databaseVersion;
    this.supportedVersion = supportedVersion;
  }

  public String databaseVersion() {
    return databaseVersion;
  }

  public String supportedVersion() {
    return supportedVersion;
  }
}
