package dev.docket.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Every scenario {@code docket bench} knows, in the order it runs them. */
final class Scenarios {
  /** Jobs a second a pre-filled queue is sized for before the first repetition shows the pace. */
  private static final double FIRST_GUESS_PER_SECOND = 1000;

  private static final int BATCH_SIZE = 100;
  private static final int LONG_POLL_SECONDS = 2;

  private Scenarios() {}

  static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    for (int clients : new int[] {1, 4, 16}) {
      all.add(submit(clients));
    }
    all.add(
        new Scenario(
            "batch-submit",
            "POST /v1/jobs/batch of " + BATCH_SIZE + ", 4 clients (jobs/s)",
            Ceiling.insert(4),
            (w, d) -> {
              String queue = w.freshQueue("bench-batch");
              return Load.run(
                  d, List.of(new Load.Group(4, i -> t -> w.batch(t, queue, BATCH_SIZE))));
            }));
    for (int limit : new int[] {1, 10}) {
      for (int workers : new int[] {4, 16}) {
        all.add(claimComplete(workers, limit));
      }
    }
    all.add(steadyMixed());
    all.add(claimLatency());
    all.add(
        new Scenario(
            "me-read",
            "GET /v1/me with a key, 16 clients (requests/s)",
            Ceiling.healthz(16),
            (w, d) -> Load.run(d, List.of(new Load.Group(16, i -> w::me)))));
    return List.copyOf(all);
  }

  private static Scenario submit(int clients) {
    return new Scenario(
        "submit-" + clients,
        "POST /v1/jobs, " + clients + (clients == 1 ? " client" : " clients") + " (jobs/s)",
        Ceiling.insert(clients),
        (w, d) -> {
          String queue = w.freshQueue("bench-submit");
          return Load.run(d, List.of(new Load.Group(clients, i -> t -> w.submit(t, queue))));
        });
  }

  /**
   * Workers drain a queue filled beforehand (untimed); a worker that finds it empty stops. The
   * queue is kept across repetitions and only topped up, since filling it costs more than draining.
   */
  private static Scenario claimComplete(int workers, int limit) {
    double[] pace = {FIRST_GUESS_PER_SECOND};
    long[] queued = {0};
    String[] queue = {null};
    return new Scenario(
        "claim-complete-" + workers + "x" + limit,
        "claim (limit " + limit + ") + complete, " + workers + " workers (jobs/s)",
        Ceiling.cycle(workers),
        (w, d) -> {
          if (queue[0] == null) {
            queue[0] = w.freshQueue("bench-claim");
          }
          // enough for the pace seen so far with a margin; an early drain shortens the run only
          long wanted = (long) Math.max(200, Math.ceil(pace[0] * 1.3 * seconds(d)));
          if (queued[0] < wanted) {
            w.prefill(queue[0], (int) (wanted - queued[0]));
            queued[0] = wanted;
          }
          String q = queue[0];
          Measurement m =
              Load.run(
                  d,
                  List.of(
                      new Load.Group(
                          workers,
                          i ->
                              t -> {
                                int done = w.claimAndComplete(t, q, "bench-" + i, limit, 0);
                                return done == 0 ? Load.STOP : done;
                              })));
          queued[0] = Math.max(0, queued[0] - m.operations());
          pace[0] = m.perSecond();
          return m;
        });
  }

  private static Scenario steadyMixed() {
    return new Scenario(
        "steady-mixed",
        "8 submitters + 8 workers (limit 10, long-poll) at once (jobs/s through the whole cycle)",
        Ceiling.insert(8),
        (w, d) -> {
          String queue = w.freshQueue("bench-steady");
          return Load.run(d, mixed(w, queue, 8, 8));
        });
  }

  /** Submitters and long-polling workers on one queue; completed jobs count. */
  static List<Load.Group> mixed(Workload w, String queue, int submitters, int workers) {
    return List.of(
        new Load.Group(
            submitters,
            i ->
                t -> {
                  w.submit(t, queue);
                  return 0;
                }),
        new Load.Group(
            workers, i -> t -> w.claimAndComplete(t, queue, "bench-" + i, 10, LONG_POLL_SECONDS)));
  }

  /**
   * One worker waits in a long-poll; one submitter submits a job once the worker is waiting again,
   * and the latency is from sending the submit to the worker holding the job. The worker runs until
   * the submitter is done (not until the clock says so), so the last job is claimed too.
   */
  private static Scenario claimLatency() {
    return new Scenario(
        "claim-latency",
        "submit to claim by a long-polling worker, 1 job at a time (latency; jobs/s)",
        Ceiling.cycle(1),
        (w, d) -> {
          String queue = w.freshQueue("bench-latency");
          Map<String, CompletableFuture<Long>> claimed = new ConcurrentHashMap<>();
          AtomicBoolean done = new AtomicBoolean();
          AtomicReference<Exception> failure = new AtomicReference<>();
          Thread worker =
              Thread.ofVirtual()
                  .start(
                      () -> {
                        Load.Timer untimed = new Load.Timer();
                        try {
                          while (!done.get()) {
                            for (JsonNode job :
                                w.claim(untimed, queue, "bench-poller", 1, LONG_POLL_SECONDS)) {
                              long at = System.nanoTime();
                              claimed
                                  .computeIfAbsent(id(job), k -> new CompletableFuture<>())
                                  .complete(at);
                              w.complete(untimed, job);
                            }
                          }
                        } catch (Exception e) {
                          failure.set(e);
                        }
                      });
          Load.Step submitter =
              t -> {
                // let the worker get back into its long-poll, so the wake-up is what is measured
                Thread.sleep(2);
                long start = System.nanoTime();
                String id = w.submitId(queue);
                long at;
                try {
                  at =
                      claimed
                          .computeIfAbsent(id, k -> new CompletableFuture<>())
                          .get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  Exception cause = failure.get();
                  throw new BenchFailedException(
                      "job "
                          + id
                          + " was not claimed within 30 s"
                          + (cause == null ? "" : "; the worker failed: " + cause),
                      cause == null ? e : cause);
                }
                claimed.remove(id);
                t.record(at - start);
                return 1;
              };
          try {
            return Load.run(d, List.of(new Load.Group(1, i -> submitter)));
          } finally {
            done.set(true);
            worker.join();
          }
        });
  }

  private static String id(JsonNode job) {
    return job.path("id").asText();
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
