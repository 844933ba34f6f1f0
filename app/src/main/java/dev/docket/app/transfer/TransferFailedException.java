package dev.docket.app.transfer;

import dev.docket.domain.DomainException;

/** An export, import or copy could not be done; the message is the one line the user sees. */
public final class TransferFailedException extends DomainException {
  public TransferFailedException(String message) {
    super(message);
  }

  public TransferFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
