package dev.docket.ports.usecase;

import dev.docket.ports.JobListener;
import dev.docket.ports.Store;

/**
 * Every use case over one {@link Store}: what an application embedding Docket without HTTP builds,
 * and what the HTTP adapter and the command line are given.
 */
public record Docket(
    Store store,
    JobService jobs,
    WorkerService workers,
    EventService events,
    ArtifactService artifacts,
    UserService users,
    AuditService audit,
    AdminService admin,
    RescueService rescue,
    WebhookService webhooks) {

  public static Docket create(Store store, DocketConfig config, JobListener listener) {
    AuditService audit = new AuditService(store.audit(), config.clock());
    return new Docket(
        store,
        new JobService(store.jobs(), store.signals(), listener, audit, config.webhookAddresses()),
        new WorkerService(store.jobs(), store.signals(), listener, config.backoff()),
        new EventService(store.jobs(), store.events(), store.signals()),
        new ArtifactService(store.jobs(), store.artifacts()),
        new UserService(store.users(), store.keys(), audit, config.clock()),
        audit,
        new AdminService(store.jobs(), audit, config.pruneBatch()),
        new RescueService(
            store.jobs(), store.signals(), listener, config.backoff(), config.rescueBatch()),
        new WebhookService(store.jobs(), store::webhooks));
  }

  public static Docket create(Store store) {
    return create(store, DocketConfig.DEFAULT, JobListener.NONE);
  }
}
