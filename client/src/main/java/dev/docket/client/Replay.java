package dev.docket.client;

/** When a call may be sent again after a failure. */
enum Replay {
  /**
   * After any failure: reads, and writes whose repetition has no further effect (a submit with its
   * idempotency key, a heartbeat, an upload from a file).
   */
  ANY_FAILURE,
  /**
   * Only when the server surely did not act: the connection was refused or timed out before it was
   * made, or Docket itself answered 503 with a problem document (the contract promises nothing was
   * written then; a 503 page from a proxy in between promises nothing).
   */
  UNSENT_ONLY,
  /** Never: the body cannot be produced twice (an upload from an {@code InputStream}). */
  NEVER
}
