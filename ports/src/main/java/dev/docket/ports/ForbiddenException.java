package dev.docket.ports;

import dev.docket.domain.DomainException;

/** The caller is known but its roles do not allow the operation. */
public final class ForbiddenException extends DomainException {
  public ForbiddenException(String message) {
    super(message);
  }
}
