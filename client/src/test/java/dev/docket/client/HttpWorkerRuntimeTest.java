package dev.docket.client;

import dev.docket.client.model.Event;
import dev.docket.client.model.EventPage;
import dev.docket.client.model.Job;
import dev.docket.worker.WorkerRuntimeContract;
import dev.docket.worker.WorkerTransport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The worker runtime contract remotely: HttpWorkerTransport against a real server on port 0. */
class HttpWorkerRuntimeTest extends WorkerRuntimeContract {
  private static TestServer server;
  private static DocketClient admin;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
    admin = server.admin();
  }

  @AfterAll
  static void stopServer() {
    admin.close();
    server.close();
  }

  @Override
  protected WorkerTransport transport() {
    return new HttpWorkerTransport(admin);
  }

  @Override
  protected String submit(String queue, String kind, String payloadJson, int maxAttempts) {
    NewJob job =
        NewJob.builder(kind)
            .queue(queue)
            .payload(tree(payloadJson))
            .maxAttempts(maxAttempts)
            .build();
    return admin.jobs().submit(job).id();
  }

  private static Object tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  protected void cancel(String id) {
    admin.jobs().cancel(id);
  }

  @Override
  protected JobView job(String id) {
    Job j = admin.jobs().get(id);
    String result = j.result() == null || j.result().isNull() ? null : j.result().toString();
    return new JobView(j.status(), j.error(), j.attempt(), result);
  }

  @Override
  protected List<String> updates(String id) {
    List<String> out = new ArrayList<>();
    long from = 0;
    while (true) {
      EventPage page = admin.events().list(id, from, 1000);
      for (Event e : page.events()) {
        if (e.type().equals("log")) {
          out.add("log:" + e.data().asText());
        } else if (e.type().equals("progress")) {
          double d = e.data().asDouble();
          out.add("progress:" + (d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d)));
        }
      }
      if (page.events().size() < 1000) {
        return out;
      }
      from = page.events().getLast().seq() + 1;
    }
  }

  @Override
  protected String artifact(String id, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    admin.artifacts().download(id, name, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
