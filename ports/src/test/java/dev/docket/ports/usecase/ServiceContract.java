package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Role;
import dev.docket.domain.User;
import dev.docket.ports.JobListener;
import dev.docket.ports.contract.StoreContract;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Fixture of the use-case contract: the services of {@link Docket#create} over a fresh store per
 * test, with an admin, a submitter-only and a worker-only user. These tests exercise the rules a
 * user of the HTTP contract sees (roles, ownership, validation, idempotency, the worker protocol),
 * so every adapter runs them by subclassing each {@code *ServiceContract} and implementing {@link
 * #openStore()}.
 */
public abstract class ServiceContract extends StoreContract {
  /** The services under test, built over {@link #store} before each test. */
  protected Docket docket;

  protected Actor admin;
  protected Actor submitter;
  protected Actor worker;

  @BeforeEach
  final void buildServices(TestInfo test) {
    docket = Docket.create(store, config(), JobListener.NONE);
    if (test.getTestMethod().filter(m -> m.isAnnotationPresent(EmptyStore.class)).isPresent()) {
      return;
    }
    admin = actor(Role.ADMIN);
    submitter = actor(Role.SUBMITTER);
    worker = actor(Role.WORKER);
  }

  /** The tunables the services are built with; tests override it to move time or backoff. */
  protected DocketConfig config() {
    return DocketConfig.DEFAULT;
  }

  /** A new stored user with {@code roles}, as the actor its key would make. */
  protected Actor actor(Role... roles) {
    User user = newUser(roles);
    store.users().insert(user);
    return Actor.of(user, "192.0.2.1");
  }

  /** Submits a job of {@code kind} on {@code queue} as {@code who}. */
  protected Job submit(Actor who, String queue, String kind) {
    return docket.jobs().submit(who, spec(queue, kind)).job();
  }

  protected Job submit(Actor who, JobSpec spec) {
    return docket.jobs().submit(who, spec).job();
  }

  /** A claim request of one job with a 60 s lease and no wait. */
  protected static ClaimRequest claimRequest(String queue) {
    return new ClaimRequest(queue, "worker-1", 1, 60, null, null, 0);
  }

  /** Claims the one claimable job of {@code queue} as {@code who}; it must be there. */
  protected Job claimOne(Actor who, String queue) throws InterruptedException {
    List<Job> claimed = docket.workers().claim(who, claimRequest(queue));
    assertThat(claimed).as("claimable jobs on %s", queue).hasSize(1);
    return claimed.get(0);
  }

  /** The job as stored now. */
  protected Job stored(Job job) {
    return store.jobs().find(job.id()).orElseThrow();
  }
}
