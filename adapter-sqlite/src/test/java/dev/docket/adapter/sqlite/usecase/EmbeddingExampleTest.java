package dev.docket.adapter.sqlite.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.InProcessWorkers;
import dev.docket.worker.WorkerRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, compiled and run: a handler in-process, no HTTP. */
class EmbeddingExampleTest {
  @TempDir Path dir;

  @Test
  void theReadmeExampleRunsAHandlerInProcess() throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("docket.db"))) {
      Docket docket = Docket.create(store);
      Actor app =
          Actor.of(
              docket
                  .users()
                  .create(Actor.system("setup"), "app", "app@example.com", List.of("submitter")),
              null);

      // --- README: embedding example ---
      try (WorkerRuntime worker =
          InProcessWorkers.runtime(docket)
              .queues("email")
              .handler(
                  "send",
                  job -> {
                    job.log("sending " + job.payload());
                    job.result("{\"sent\":true}");
                  })
              .concurrency(4)
              .build()
              .start()) {
        Job job =
            docket
                .jobs()
                .submit(
                    app,
                    new JobSpec(
                        "send",
                        "email",
                        "{\"to\":\"ada@example.com\"}",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .job();
        // --- end of example ---
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!docket.jobs().get(app, job.id()).status().isTerminal()
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        Job done = docket.jobs().get(app, job.id());
        assertThat(done.status().wire()).isEqualTo("succeeded");
        assertThat(done.result()).isEqualTo("{\"sent\":true}");
      }
    }
  }
}
