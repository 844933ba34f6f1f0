package dev.docket.ports.usecase;

import dev.docket.domain.WebhookDelivery;
import dev.docket.ports.JobRepository;
import dev.docket.ports.NotFoundException;
import dev.docket.ports.WebhookOutbox;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Reading a job's webhook deliveries. */
public final class WebhookService {
  private final JobRepository jobs;
  private final Supplier<WebhookOutbox> outbox;

  /**
   * @param outbox looked up on use, so that a store without webhooks still gives every other use
   *     case
   */
  public WebhookService(JobRepository jobs, Supplier<WebhookOutbox> outbox) {
    this.jobs = jobs;
    this.outbox = outbox;
  }

  /**
   * The deliveries of a job, newest first, for its owner or an admin.
   *
   * @throws NotFoundException when there is no such job or the caller may not manage it
   */
  public List<WebhookDelivery> list(Actor actor, UUID jobId) {
    Access.manageable(
        actor, jobs.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId)));
    return outbox.get().listByJob(jobId);
  }
}
