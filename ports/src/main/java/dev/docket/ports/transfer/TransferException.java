package dev.docket.ports.transfer;

import dev.docket.domain.DomainException;

/**
 * The records given to a {@link RecordWriter} do not form a store: a chunk without its artifact,
 * chunks out of order or not adding up to the artifact's size, or a row that refers to a row that
 * is missing. Nothing of the failing batch was written.
 */
public final class TransferException extends DomainException {
  public TransferException(String message) {
    super(message);
  }

  public TransferException(String message, Throwable cause) {
    super(message, cause);
  }
}
