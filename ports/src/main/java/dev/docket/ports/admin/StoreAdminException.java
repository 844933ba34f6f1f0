package dev.docket.ports.admin;

import dev.docket.domain.DomainException;

/**
 * An administrative operation was refused or failed (not a Docket database, a file in the way, a
 * backend that cannot do it); the message is one line for a person. Nothing was changed unless the
 * message says so.
 */
public final class StoreAdminException extends DomainException {
  public StoreAdminException(String message) {
    super(message);
  }

  public StoreAdminException(String message, Throwable cause) {
    super(message, cause);
  }
}
