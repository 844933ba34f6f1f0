package dev.docket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.client.error.NotFoundException;
import dev.docket.client.model.Event;
import dev.docket.client.model.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventFollowTest {

  @Test
  void followingALogDeliversEveryEventInOrderUntilTheEnd() throws Exception {
    try (TestServer server = TestServer.start()) {
      DocketClient admin = server.admin();
      String queue = TestServer.newQueue();
      Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
      CompletableFuture<List<Event>> followed;
      try (EventStream stream = admin.events().follow(job.id(), 0)) {
        followed = CompletableFuture.supplyAsync(() -> stream.stream().toList());
        String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();
        admin.events().append(job.id(), token, List.of(NewEvent.log("one"), NewEvent.log("two")));
        admin.worker().complete(job.id(), token, null);
        List<Event> events = followed.get(60, TimeUnit.SECONDS);
        assertThat(events).extracting(Event::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(events.get(2).data().asText()).isEqualTo("one");
        assertThat(stream.endStatus()).contains("succeeded");
      }
    }
  }

  @Test
  void aFollowResumesAfterTheLastEventWhenTheServerRestarts() throws Exception {
    try (TestServer server = TestServer.start()) {
      DocketClient admin = server.admin();
      String queue = TestServer.newQueue();
      Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
      String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();
      admin.events().append(job.id(), token, List.of(NewEvent.log("before")));

      try (EventStream stream = admin.events().follow(job.id(), 0)) {
        List<Event> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          seen.add(stream.next()); // created, running, "before"
        }
        server.stop();
        CompletableFuture<List<Event>> rest =
            CompletableFuture.supplyAsync(() -> stream.stream().toList());
        Thread.sleep(700); // the client finds the port closed and backs off
        server.restart();
        admin.events().append(job.id(), token, List.of(NewEvent.log("after")));
        admin.worker().complete(job.id(), token, null);
        seen.addAll(rest.get(60, TimeUnit.SECONDS));

        assertThat(seen).extracting(Event::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(seen.get(3).data().asText()).isEqualTo("after");
        assertThat(stream.endStatus()).contains("succeeded");
      }
    }
  }

  @Test
  void aFollowWhoseConnectionFallsSilentReconnectsAfterTheIdleTimeout() throws Exception {
    try (TestServer server = TestServer.start();
        FlakyProxy proxy = new FlakyProxy(server.url(), 0)) {
      proxy.freezeStreams.set(1);
      DocketClient admin = server.admin();
      DocketClient viaProxy =
          DocketClient.builder(proxy.url())
              .apiKey(TestServer.ADMIN_KEY)
              .streamIdleTimeout(Duration.ofMillis(1500))
              .build();
      String queue = TestServer.newQueue();
      Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
      String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();

      try (EventStream stream = viaProxy.events().follow(job.id(), 0)) {
        assertThat(stream.next().seq()).isZero(); // the first chunk passed, then silence
        CompletableFuture<List<Event>> rest =
            CompletableFuture.supplyAsync(() -> stream.stream().toList());
        admin.events().append(job.id(), token, List.of(NewEvent.log("while silent")));
        admin.worker().complete(job.id(), token, null);

        List<Event> events = rest.get(60, TimeUnit.SECONDS);
        assertThat(events).extracting(Event::seq).containsExactly(1L, 2L, 3L);
        assertThat(stream.endStatus()).contains("succeeded");
      }
    }
  }

  @Test
  void followingAnUnknownJobIsNotFound() {
    try (TestServer server = TestServer.start();
        EventStream stream =
            server.admin().events().follow("0193a0a0-0000-7000-8000-000000000000", 0)) {
      assertThatThrownBy(stream::hasNext).isInstanceOf(NotFoundException.class);
    }
  }
}
