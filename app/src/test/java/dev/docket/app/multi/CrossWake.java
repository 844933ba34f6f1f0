package dev.docket.app.multi;

import dev.docket.app.multi.Http.Reply;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Measures how soon a submit through one instance answers a long-poll waiting on another. */
final class CrossWake {
  private CrossWake() {}

  /**
   * Milliseconds from sending the submit on {@code submitOn} to the claim answer on {@code waitOn},
   * submit included; -1 when the long-poll came back without the job.
   */
  static long millis(
      Instance submitOn, String submitter, Instance waitOn, String worker, String queue)
      throws Exception {
    CompletableFuture<Reply> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Http.post(
                    waitOn.base(),
                    worker,
                    "/v1/queues/" + queue + "/claim",
                    Map.of("worker_id", "waiter", "wait_seconds", 10));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    // 1.2 s in, the waiter has just re-checked on its own and the next re-check is ~0.8 s away,
    // so an answer much sooner than that came from the signal
    Thread.sleep(1_200);
    long sent = System.nanoTime();
    Reply submitted =
        Http.post(submitOn.base(), submitter, "/v1/jobs", Map.of("kind", "build", "queue", queue));
    Reply claimed = waiting.get(15, TimeUnit.SECONDS);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    if (submitted.status() != 201) {
      throw new AssertionError("submit: " + submitted);
    }
    return claimed.status() == 200 && claimed.json().get("jobs").size() == 1 ? ms : -1;
  }
}
