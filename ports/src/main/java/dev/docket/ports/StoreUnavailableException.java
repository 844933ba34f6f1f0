package dev.docket.ports;

import dev.docket.domain.DomainException;

/**
 * The store could not be reached or stayed locked beyond its retry budget. Nothing of the operation
 * was written; the caller may try again later.
 */
public final class StoreUnavailableException extends DomainException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
