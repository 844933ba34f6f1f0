package dev.docket.ports;

import dev.docket.domain.DomainException;

/** No usable credentials: missing, unknown, revoked or expired key, or a deactivated user. */
public final class UnauthorizedException extends DomainException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
