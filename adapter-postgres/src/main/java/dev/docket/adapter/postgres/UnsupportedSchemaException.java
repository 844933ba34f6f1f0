package dev.docket.adapter.postgres;

/**
 * The database schema was migrated by a newer Docket than this one (it holds migrations this build
 * does not know), or could not be migrated. Opening refuses rather than run against a schema whose
 * meaning it cannot know.
 */
public final class UnsupportedSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedSchemaException(String message) {
    super(message);
  }

  public UnsupportedSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
