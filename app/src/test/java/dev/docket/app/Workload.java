package dev.docket.app;

import dev.docket.domain.EventDraft;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.User;
import dev.docket.ports.ConflictException;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.Docket;
import java.util.List;
import java.util.function.Consumer;

/**
 * The writes a worker and a submitter make, through the Docket services: submit, claim, append
 * events, complete. Each step reports what it committed only after the call returned.
 */
final class Workload {
  private final Docket docket;
  private final Actor actor;
  private final String queue;

  Workload(Store store, String name, String queue) {
    this.docket = Docket.create(store);
    this.actor = Actor.of(user(store, docket, name), null);
    this.queue = queue;
  }

  private static User user(Store store, Docket docket, String name) {
    String email = name + "@docket.invalid";
    return store
        .users()
        .findByEmail(email)
        .orElseGet(
            () -> {
              try {
                return docket
                    .users()
                    .create(Actor.system("test"), name, email, List.of("submitter", "worker"));
              } catch (ConflictException raced) {
                return store.users().findByEmail(email).orElseThrow();
              }
            });
  }

  /** One job through its whole life; {@code committed} hears of each write as it returns. */
  void oneJob(int n, Consumer<String> committed) throws InterruptedException {
    Job submitted =
        docket
            .jobs()
            .submit(
                actor,
                new JobSpec(
                    "test.step", queue, "{\"n\":" + n + "}", null, null, null, null, null, null))
            .job();
    committed.accept("submit " + submitted.id());
    List<Job> claimed =
        docket.workers().claim(actor, new ClaimRequest(queue, "w-" + n, 1, 60, null, null, 0));
    for (Job job : claimed) {
      committed.accept("claim " + job.id());
      long events =
          docket
              .workers()
              .append(
                  actor,
                  job.id(),
                  job.leaseToken(),
                  List.of(new EventDraft("log", "\"step one\""), new EventDraft("log", "\"two\"")))
              .job()
              .eventCount();
      committed.accept("append " + job.id() + " " + events);
      docket.workers().complete(actor, job.id(), job.leaseToken(), "{\"ok\":true}");
      committed.accept("complete " + job.id());
    }
  }
}
