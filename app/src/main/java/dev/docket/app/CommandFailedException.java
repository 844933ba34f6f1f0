package dev.docket.app;

/** The operation could not be done; the message is the one line the user sees: exit 1. */
public final class CommandFailedException extends RuntimeException {
  public CommandFailedException(String message) {
    super(message);
  }

  public CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
