package dev.docket.domain;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a rule applied to a job: the job as it must be stored, the events to append with
 * it, and the webhook deliveries it owes (one per status change of a job with a webhook URL). A
 * store writes all of them or none, in one transaction.
 */
public record Transition(Job job, List<JobEvent> events, List<WebhookDelivery> deliveries) {
  public Transition {
    Objects.requireNonNull(job, "job");
    events = List.copyOf(events);
    deliveries = List.copyOf(deliveries);
  }

  /** A transition that owes no webhook. */
  public Transition(Job job, List<JobEvent> events) {
    this(job, events, List.of());
  }

  public static Transition unchanged(Job job) {
    return new Transition(job, List.of());
  }
}
