package dev.docket.adapter.postgres.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.postgres.PostgresFixture;
import dev.docket.adapter.postgres.PostgresStore;
import dev.docket.domain.EventDraft;
import dev.docket.domain.Job;
import dev.docket.ports.JobSignals;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.SharedDatabaseServiceContract;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two server instances on one PostgreSQL schema. */
class PostgresSharedDatabaseServiceTest extends SharedDatabaseServiceContract {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  @Override
  protected Store openStore() {
    return PG.openStore();
  }

  @Override
  protected Store openPeerStore() {
    // not PG.openStore(): that would empty the tables the first store just set up
    return PostgresStore.open(PostgresFixture.serverUrl(), PG.options());
  }

  /** Only Postgres carries signals across instances (LISTEN/NOTIFY); an event stream needs it. */
  @Test
  void anEventSubscriberOnOneInstanceIsWokenByAnAppendThroughTheOther() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job held = claimOne(worker, "ci");
    CountDownLatch woken = new CountDownLatch(1);

    try (JobSignals.Subscription sub = docket.events().subscribe(job.id(), woken::countDown)) {
      peer.workers()
          .append(worker, job.id(), held.leaseToken(), List.of(new EventDraft("log", "\"x\"")));

      assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
