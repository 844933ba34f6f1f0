package dev.docket.ports;

import dev.docket.domain.Job;

/** Observes what the services did (for metrics); every method defaults to doing nothing. */
public interface JobListener {
  JobListener NONE = new JobListener() {};

  default void submitted(Job job) {}

  default void claimed(Job job) {}

  /** A job reached a terminal state, or was requeued after a failure ({@code job.status()}). */
  default void finished(Job job) {}
}
