package dev.docket.adapter.sqlite.usecase;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.JobSpec;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.InProcessWorkers;
import dev.docket.worker.WorkerRuntimeContract;
import dev.docket.worker.WorkerTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The worker runtime contract in-process: the use cases over a SQLite file, no HTTP. */
class SqliteInProcessWorkerTest extends WorkerRuntimeContract {
  private Actor user;

  @TempDir Path dir;
  private Store store;
  private Docket docket;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("docket.db"));
    docket = Docket.create(store);
    user =
        Actor.of(
            docket
                .users()
                .create(Actor.system("test"), "app", "app@example.com", List.of("submitter")),
            null);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected WorkerTransport transport() {
    return new InProcessWorkers(docket, Actor.system("test-app"));
  }

  @Override
  protected String submit(String queue, String kind, String payloadJson, int maxAttempts) {
    JobSpec spec = new JobSpec(kind, queue, payloadJson, null, null, null, maxAttempts, null, null);
    return docket.jobs().submit(user, spec).job().id().toString();
  }

  @Override
  protected void cancel(String id) {
    docket.jobs().cancel(user, UUID.fromString(id));
  }

  @Override
  protected JobView job(String id) {
    Job j = docket.jobs().get(user, UUID.fromString(id));
    return new JobView(j.status().wire(), j.error(), j.attempt(), j.result());
  }

  @Override
  protected List<String> updates(String id) {
    List<String> out = new ArrayList<>();
    long from = 0;
    while (true) {
      List<JobEvent> page = docket.events().list(user, UUID.fromString(id), from, 1000);
      for (JobEvent e : page) {
        if (e.type().equals("log")) {
          String d = e.data();
          out.add("log:" + d.substring(1, d.length() - 1));
        } else if (e.type().equals("progress")) {
          out.add("progress:" + number(e.data()));
        }
      }
      if (page.size() < 1000) {
        return out;
      }
      from = page.getLast().seq() + 1;
    }
  }

  @Override
  protected String artifact(String id, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      docket.artifacts().copyTo(UUID.fromString(id), name, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String number(String data) {
    double d = Double.parseDouble(data.strip());
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
