package dev.docket.domain;

/** Base of every failure the core reports as a type rather than a crash. */
public abstract class DomainException extends RuntimeException {
  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
