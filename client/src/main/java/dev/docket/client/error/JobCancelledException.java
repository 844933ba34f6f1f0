package dev.docket.client.error;

/** 409 {@code cancelled}: the job was cancelled while this worker held it; stop working it. */
public class JobCancelledException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code problem}. */
  public JobCancelledException(Problem problem) {
    super(problem);
  }
}
