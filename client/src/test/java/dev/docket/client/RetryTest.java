package dev.docket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.client.error.DocketUnreachableException;
import dev.docket.client.error.ServiceUnavailableException;
import dev.docket.client.model.Job;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetryTest {

  @Test
  void aSubmitWhoseAnswersWereLostIsRepeatedAndMakesExactlyOneJob() throws Exception {
    try (TestServer server = TestServer.start();
        FlakyProxy proxy = new FlakyProxy(server.url(), 2)) {
      DocketClient viaProxy =
          DocketClient.builder(proxy.url()).apiKey(TestServer.ADMIN_KEY).build();
      String queue = TestServer.newQueue();

      Job job = viaProxy.jobs().submit(NewJob.builder("once").queue(queue).build());

      assertThat(proxy.forwarded.get()).as("three submits reached the server").isEqualTo(3);
      assertThat(server.admin().jobs().list(JobQuery.all().withQueue(queue)).items())
          .extracting(Job::id)
          .containsExactly(job.id());
    }
  }

  @Test
  void aBatchWhoseAnswerWasLostIsRepeatedAndMakesEachJobOnce() throws Exception {
    try (TestServer server = TestServer.start();
        FlakyProxy proxy = new FlakyProxy(server.url(), 1)) {
      DocketClient viaProxy =
          DocketClient.builder(proxy.url()).apiKey(TestServer.ADMIN_KEY).build();
      String queue = TestServer.newQueue();

      List<Job> jobs =
          viaProxy
              .jobs()
              .batch(
                  List.of(
                      NewJob.builder("a").queue(queue).build(),
                      NewJob.builder("b").queue(queue).idempotencyKey("mine").build()));

      assertThat(proxy.forwarded.get()).isEqualTo(2);
      assertThat(jobs.get(1).idempotencyKey()).isEqualTo("mine");
      assertThat(server.admin().jobs().list(JobQuery.all().withQueue(queue)).items())
          .extracting(Job::id)
          .containsExactlyInAnyOrderElementsOf(jobs.stream().map(Job::id).toList());
    }
  }

  @Test
  void a503BeyondTheBudgetIsThrownAndStillMadeOneJob() throws Exception {
    try (TestServer server = TestServer.start();
        FlakyProxy proxy = new FlakyProxy(server.url(), Integer.MAX_VALUE)) {
      DocketClient viaProxy =
          DocketClient.builder(proxy.url())
              .apiKey(TestServer.ADMIN_KEY)
              .retryPolicy(
                  new RetryPolicy(
                      Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1)))
              .build();
      String queue = TestServer.newQueue();

      assertThatThrownBy(() -> viaProxy.jobs().submit(NewJob.builder("k").queue(queue).build()))
          .isInstanceOf(ServiceUnavailableException.class);

      assertThat(proxy.forwarded.get()).isGreaterThan(1);
      assertThat(server.admin().jobs().list(JobQuery.all().withQueue(queue)).items()).hasSize(1);
    }
  }

  @Test
  void aCompleteWhoseAnswerWasLostIsNotRepeatedSoItsOutcomeStands() throws Exception {
    try (TestServer server = TestServer.start()) {
      DocketClient admin = server.admin();
      String queue = TestServer.newQueue();
      Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
      String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();
      try (FlakyProxy proxy = new FlakyProxy(server.url(), 1)) {
        DocketClient viaProxy =
            DocketClient.builder(proxy.url()).apiKey(TestServer.ADMIN_KEY).build();

        assertThatThrownBy(() -> viaProxy.worker().complete(job.id(), token, null))
            .isInstanceOf(ServiceUnavailableException.class);

        assertThat(proxy.forwarded.get()).as("sent once, not repeated").isEqualTo(1);
      }
      assertThat(admin.jobs().get(job.id()).status()).isEqualTo("succeeded");
    }
  }

  @Test
  void aCompleteRefusedWithDocketsOwn503IsRepeatedAfterRetryAfter() throws Exception {
    try (TestServer server = TestServer.start()) {
      DocketClient admin = server.admin();
      String queue = TestServer.newQueue();
      Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
      String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();
      try (FlakyProxy proxy = new FlakyProxy(server.url(), 2, 0)) {
        DocketClient viaProxy =
            DocketClient.builder(proxy.url()).apiKey(TestServer.ADMIN_KEY).build();
        long start = System.nanoTime();

        Job done = viaProxy.worker().complete(job.id(), token, null);

        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(proxy.forwarded.get()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .as("two waits of Retry-After: 1")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void aSubmitToAServerNotYetListeningWaitsForItWithBackoff() throws Exception {
    int port = freePort();
    DocketClient early =
        DocketClient.builder("http://localhost:" + port)
            .apiKey(TestServer.ADMIN_KEY)
            .retryPolicy(RetryPolicy.defaults().withBudget(Duration.ofSeconds(20)))
            .build();
    String queue = TestServer.newQueue();
    CompletableFuture<Job> submit =
        CompletableFuture.supplyAsync(
            () -> early.jobs().submit(NewJob.builder("early").queue(queue).build()));
    Thread.sleep(1000);
    assertThat(submit).isNotDone();
    try (TestServer server = TestServer.startOn(port)) {
      Job job = submit.get(60, TimeUnit.SECONDS);
      assertThat(server.admin().jobs().list(JobQuery.all().withQueue(queue)).items())
          .extracting(Job::id)
          .containsExactly(job.id());
    }
  }

  @Test
  void withoutRetriesARefusedConnectionIsUnreachableAtOnce() throws Exception {
    DocketClient client =
        DocketClient.builder("http://localhost:" + freePort())
            .apiKey(TestServer.ADMIN_KEY)
            .retryPolicy(RetryPolicy.none())
            .build();
    assertThatThrownBy(
            () -> client.worker().complete("0193a0a0-0000-7000-8000-000000000000", "t", null))
        .isInstanceOf(DocketUnreachableException.class)
        .hasCauseInstanceOf(java.net.ConnectException.class);
    assertThat(client.ops().healthy()).isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
