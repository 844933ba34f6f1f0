package dev.docket.domain;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a rule applied to a job: the job as it must be stored, and the events to append
 * with it in the same transaction. A store writes both or neither.
 */
public record Transition(Job job, List<JobEvent> events) {
  public Transition {
    Objects.requireNonNull(job, "job");
    events = List.copyOf(events);
  }

  public static Transition unchanged(Job job) {
    return new Transition(job, List.of());
  }
}
