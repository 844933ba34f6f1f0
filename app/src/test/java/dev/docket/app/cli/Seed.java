package dev.docket.app.cli;

import dev.docket.domain.EventDraft;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Lease;
import dev.docket.domain.Role;
import dev.docket.domain.Transition;
import dev.docket.domain.User;
import dev.docket.ports.NewJob;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.ClaimRequest;
import dev.docket.ports.usecase.Docket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Puts users and jobs into a store through the use cases, as clients would. */
final class Seed {
  static final Actor SYSTEM = Actor.system("seed");

  private final Docket docket;

  Seed(Store store) {
    this.docket = Docket.create(store);
  }

  Docket docket() {
    return docket;
  }

  Actor user(String name, Role... roles) {
    List<String> wire = new ArrayList<>();
    for (Role r : roles) {
      wire.add(r.wire());
    }
    User u = docket.users().create(SYSTEM, name, name + "@example.com", wire);
    return Actor.of(u, null);
  }

  Job submit(Actor owner, String queue, String kind) {
    return docket
        .jobs()
        .submit(owner, new JobSpec(kind, queue, "{\"n\":1}", null, null, null, 1, null, null))
        .job();
  }

  /** Claims the next job of {@code queue} as {@code worker}. */
  Job claim(Actor worker, String queue, String workerId) throws InterruptedException {
    List<Job> jobs =
        docket.workers().claim(worker, new ClaimRequest(queue, workerId, 1, 120, null, null, 0));
    if (jobs.isEmpty()) {
      throw new AssertionError("nothing to claim in " + queue);
    }
    return jobs.get(0);
  }

  Job running(Actor owner, Actor worker, String queue, double progress) throws Exception {
    submit(owner, queue, "work");
    Job j = claim(worker, queue, "w-" + queue);
    return docket.workers().heartbeat(worker, j.id(), j.leaseToken(), progress, null);
  }

  Job succeeded(Actor owner, Actor worker, String queue) throws Exception {
    submit(owner, queue, "work");
    Job j = claim(worker, queue, "w-" + queue);
    return docket.workers().complete(worker, j.id(), j.leaseToken(), "{\"ok\":true}");
  }

  Job failed(Actor owner, Actor worker, String queue, String error) throws Exception {
    submit(owner, queue, "work");
    Job j = claim(worker, queue, "w-" + queue);
    return docket.workers().fail(worker, j.id(), j.leaseToken(), error, false);
  }

  /**
   * Terminal jobs that finished {@code age} ago with a few events each, written straight through
   * the repository (claiming thousands one by one would take minutes).
   */
  static List<UUID> oldFinishedJobs(Store store, UUID owner, int count, Duration age) {
    List<UUID> ids = new ArrayList<>();
    Instant t0 = Instant.now().minus(age);
    List<NewJob> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant created = t0.minusSeconds(60).plusMillis(i % 1000);
      Transition made =
          Job.create(
              Ids.newId(created),
              owner,
              new JobSpec("old", "old", "{\"i\":" + i + "}", null, null, null, 1, null, null),
              created);
      String token = Lease.newToken();
      Transition claimed =
          made.job().claim(null, "w", token, created.plusSeconds(1), Duration.ofSeconds(60));
      Transition logged =
          claimed
              .job()
              .append(
                  token,
                  created.plusSeconds(2),
                  List.of(new EventDraft("log", "{\"line\":\"working " + i + "\"}")));
      Transition done = logged.job().complete(token, t0, "{\"ok\":true}");
      List<JobEvent> events = new ArrayList<>(made.events());
      events.addAll(claimed.events());
      events.addAll(logged.events());
      events.addAll(done.events());
      batch.add(new NewJob(new Transition(done.job(), events), "seed-" + i));
      ids.add(done.job().id());
      if (batch.size() == 500) {
        store.jobs().insert(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      store.jobs().insert(batch);
    }
    return ids;
  }
}
