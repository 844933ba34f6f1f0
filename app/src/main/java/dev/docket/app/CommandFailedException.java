package dev.docket.app;

/** The operation could not be done; the message is the one line the user sees: exit 1. */
final class CommandFailedException extends RuntimeException {
  CommandFailedException(String message) {
    super(message);
  }

  CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
