package dev.docket.worker;

/**
 * Thrown by a {@link WorkerTransport} for a failure that no retry can mend, such as a wrong API key
 * or a key without the worker role: the runtime stops claiming and reports it through {@link
 * WorkerRuntime#failure()}. Every other runtime exception from a transport counts as transient and
 * is retried with backoff.
 */
public class FatalTransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A fatal failure explained by {@code message}. */
  public FatalTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
