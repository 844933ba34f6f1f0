package dev.docket.domain;

/** An action that the job's current status does not allow, e.g. cancelling a finished job. */
public final class IllegalTransitionException extends DomainException {
  private final JobStatus from;
  private final String action;

  public IllegalTransitionException(JobStatus from, String action) {
    super("cannot " + action + " a job that is " + from.wire());
    this.from = from;
    this.action = action;
  }

  public JobStatus from() {
    return from;
  }

  public String action() {
    return action;
  }
}
