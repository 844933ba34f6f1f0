package dev.docket.ports;

import dev.docket.domain.DomainException;

/** The request clashes with what is stored (a duplicate email, a reused idempotency key...). */
public final class ConflictException extends DomainException {
  public ConflictException(String message) {
    super(message);
  }
}
