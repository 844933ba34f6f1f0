package dev.docket.ports;

import dev.docket.domain.DomainException;

/**
 * The database was migrated by a newer Docket than this build: it holds migrations this build does
 * not know, so the store refuses to use it rather than misread it. Every adapter throws this one
 * type, whether it notices on open or when asked beforehand.
 */
public final class SchemaTooNewException extends DomainException {
  private final String databaseVersion;
  private final String supportedVersion;

  /**
   * @param databaseVersion the newest migration applied to the database
   * @param supportedVersion the newest migration this build knows
   */
  public SchemaTooNewException(String message, String databaseVersion, String supportedVersion) {
    super(message);
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
