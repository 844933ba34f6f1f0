package dev.docket.adapter.http.metrics;

import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.ports.JobListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the core does, for {@code /metrics}: jobs submitted and claimed (by queue) and
 * finished (by queue and outcome: {@code succeeded}, {@code failed}, {@code cancelled}, or {@code
 * requeued} for a failed attempt that will run again). Pass it to {@code Docket.create}.
 */
public final class MetricsJobListener implements JobListener {
  private final MeterRegistry registry;

  public MetricsJobListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void submitted(Job job) {
    counter("docket.jobs.submitted", "jobs submitted", job.queue()).increment();
  }

  @Override
  public void claimed(Job job) {
    counter("docket.jobs.claimed", "jobs handed to workers", job.queue()).increment();
  }

  @Override
  public void finished(Job job) {
    String outcome = job.status() == JobStatus.QUEUED ? "requeued" : job.status().wire();
    Counter.builder("docket.jobs.finished")
        .description("attempts that ended, by outcome")
        .tag("queue", job.queue())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private Counter counter(String name, String description, String queue) {
    return Counter.builder(name).description(description).tag("queue", queue).register(registry);
  }
}
