package dev.docket.worker;

/** An event a handler adds to its job's log, sent by the runtime in order and in small batches. */
public sealed interface Update {
  /** A {@code log} event: one line of text. */
  record Log(String line) implements Update {}

  /** A {@code progress} event, 0 to 100. */
  record Progress(double percent) implements Update {}
}
