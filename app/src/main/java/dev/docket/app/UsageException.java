package dev.docket.app;

/** The command was called wrongly (a bad option value, an unknown {@code --db} form): exit 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
