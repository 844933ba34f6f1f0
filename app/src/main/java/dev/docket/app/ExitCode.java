package dev.docket.app;

/** The exit codes of the contract. */
public final class ExitCode {
  public static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private ExitCode() {}
}
