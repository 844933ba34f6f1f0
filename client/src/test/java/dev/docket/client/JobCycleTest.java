package dev.docket.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.client.model.ApiKey;
import dev.docket.client.model.AppendResult;
import dev.docket.client.model.Artifact;
import dev.docket.client.model.AuditEntry;
import dev.docket.client.model.Event;
import dev.docket.client.model.EventPage;
import dev.docket.client.model.Job;
import dev.docket.client.model.NewApiKey;
import dev.docket.client.model.NewUser;
import dev.docket.client.model.Page;
import dev.docket.client.model.Stats;
import dev.docket.client.model.User;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JobCycleTest {
  private static final TestServer server = TestServer.start();
  private final DocketClient submitter = server.user("submitter");
  private final DocketClient worker = server.user("worker");

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aJobGoesFromSubmitThroughClaimLogsAndArtifactToCompleteAndDownload() {
    String queue = TestServer.newQueue();
    Job submitted =
        submitter
            .jobs()
            .submit(
                NewJob.builder("build")
                    .queue(queue)
                    .payload(Map.of("ref", "main"))
                    .metadata(Map.of("team", "ci"))
                    .priority(5)
                    .maxAttempts(2)
                    .build());
    assertThat(submitted.status()).isEqualTo("queued");
    assertThat(submitted.payload().path("ref").asText()).isEqualTo("main");
    assertThat(submitted.idempotencyKey()).as("the client's own key").isNotBlank();

    Job claimed = worker.worker().claim(queue, Claim.by("w1").withLeaseSeconds(30)).get(0);
    assertThat(claimed.id()).isEqualTo(submitted.id());
    assertThat(claimed.leaseToken()).isNotBlank();
    String token = claimed.leaseToken();

    AppendResult appended =
        worker
            .events()
            .append(claimed.id(), token, List.of(NewEvent.log("compiling"), NewEvent.progress(50)));
    assertThat(appended.lastSeq()).isEqualTo(appended.firstSeq() + 1);
    Instant expires = worker.worker().heartbeat(claimed.id(), token, 60.0, 30);
    assertThat(expires).isAfter(Instant.now());

    byte[] report = "<testsuite tests=\"3\"/>".getBytes(StandardCharsets.UTF_8);
    Artifact uploaded =
        worker
            .artifacts()
            .upload(
                claimed.id(),
                token,
                "report.xml",
                "application/xml",
                new ByteArrayInputStream(report));
    assertThat(uploaded.size()).isEqualTo(report.length);

    Job done = worker.worker().complete(claimed.id(), token, Map.of("tests", 3));
    assertThat(done.status()).isEqualTo("succeeded");

    Job read = submitter.jobs().get(submitted.id());
    assertThat(read.result().path("tests").asInt()).isEqualTo(3);
    assertThat(read.artifacts()).extracting(Artifact::name).containsExactly("report.xml");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(submitter.artifacts().download(submitted.id(), "report.xml", out))
        .isEqualTo(report.length);
    assertThat(out.toByteArray()).isEqualTo(report);
    assertThat(submitter.artifacts().list(submitted.id()))
        .extracting(Artifact::contentType)
        .containsExactly("application/xml");

    EventPage log = submitter.events().list(submitted.id(), 0, null);
    assertThat(log.events())
        .extracting(Event::type)
        .containsSubsequence("status", "status", "log", "progress", "status");
    assertThat(log.nextFrom()).isEqualTo(log.events().size());
  }

  @Test
  void aLongPollClaimIsAnsweredAsSoonAsAJobArrives() throws Exception {
    String queue = TestServer.newQueue();
    long start = System.nanoTime();
    CompletableFuture<List<Job>> claim =
        CompletableFuture.supplyAsync(
            () -> worker.worker().claim(queue, Claim.by("w1").withWaitSeconds(20)));
    Thread.sleep(500);
    assertThat(claim).isNotDone();
    Job job = submitter.jobs().submit(NewJob.builder("late").queue(queue).build());

    List<Job> claimed = claim.get();
    assertThat(claimed).extracting(Job::id).containsExactly(job.id());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aLongPollThatFindsNothingAnswersAnEmptyListAfterItsWait() {
    List<Job> none =
        worker.worker().claim(TestServer.newQueue(), Claim.by("w1").withWaitSeconds(1));
    assertThat(none).isEmpty();
  }

  @Test
  void jobsAreListedFilteredCancelledRetriedAndDeleted() {
    String queue = TestServer.newQueue();
    List<Job> batch =
        submitter
            .jobs()
            .batch(
                List.of(
                    NewJob.builder("a").queue(queue).build(),
                    NewJob.builder("b").queue(queue).build()));
    assertThat(batch).hasSize(2);

    Page<Job> page = submitter.jobs().list(JobQuery.all().withQueue(queue).withLimit(1));
    assertThat(page.items()).extracting(Job::kind).containsExactly("b");
    assertThat(page.next()).isPresent();
    Page<Job> second =
        submitter
            .jobs()
            .list(JobQuery.all().withQueue(queue).withLimit(1).withCursor(page.nextCursor()));
    assertThat(second.items()).extracting(Job::kind).containsExactly("a");

    String id = batch.get(0).id();
    assertThat(submitter.jobs().cancel(id).status()).isEqualTo("cancelled");
    assertThat(
            submitter
                .jobs()
                .list(JobQuery.all().withQueue(queue).withStatuses("cancelled"))
                .items())
        .extracting(Job::id)
        .containsExactly(id);
    assertThat(submitter.jobs().retry(id).status()).isEqualTo("queued");
    submitter.jobs().cancel(id);
    submitter.jobs().delete(id);
    assertThat(submitter.jobs().list(JobQuery.all().withQueue(queue)).items()).hasSize(1);
    assertThat(submitter.jobs().webhooks(batch.get(1).id())).isEmpty();
  }

  @Test
  void theSameIdempotencyKeyReturnsTheFirstJob() {
    NewJob job = NewJob.builder("once").queue(TestServer.newQueue()).idempotencyKey("k-1").build();
    Job first = submitter.jobs().submit(job);
    Job again = submitter.jobs().submit(job);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.idempotencyKey()).isEqualTo("k-1");
  }

  @Test
  void usersKeysStatsAuditAndPruneAnswerTyped() {
    DocketClient admin = server.admin();
    User created =
        admin
            .users()
            .create(
                new NewUser(
                    "Ada", "ada-" + System.nanoTime() + "@example.com", List.of("submitter")));
    assertThat(created.roles()).containsExactly("submitter");
    assertThat(admin.users().get(created.id()).email()).isEqualTo(created.email());
    NewApiKey key = admin.users().createKey(created.id(), "laptop", null);
    assertThat(key.key()).startsWith("dk_");
    DocketClient ada = server.client(key.key());
    assertThat(ada.users().me().id()).isEqualTo(created.id());
    assertThat(admin.users().keys(created.id()))
        .extracting(ApiKey::keyPrefix)
        .containsExactly(key.keyPrefix());
    assertThat(admin.users().list(1000, null).items()).extracting(User::id).contains(created.id());

    admin.users().revokeKey(key.id());
    assertThat(admin.users().keys(created.id()).get(0).revokedAt()).isNotNull();
    admin.users().deactivate(created.id());
    assertThat(admin.users().get(created.id()).active()).isFalse();

    Stats stats = admin.ops().stats(null, null);
    assertThat(stats.byStatus())
        .containsKeys("queued", "running", "succeeded", "failed", "cancelled");
    Page<AuditEntry> audit =
        admin.ops().audit(AuditQuery.all().withAction("user.create").withLimit(5));
    assertThat(audit.items()).extracting(AuditEntry::action).containsOnly("user.create");
    assertThat(admin.ops().prune(Duration.ofDays(30)).jobs()).isZero();
    assertThat(admin.ops().healthy()).isTrue();
    assertThat(admin.ops().ready()).isTrue();
    assertThat(admin.ops().metrics()).contains("# TYPE");
    assertThat(admin.ops().openApi().path("paths").has("/v1/jobs")).isTrue();
  }
}
