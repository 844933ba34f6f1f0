package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.JobStatus;
import dev.docket.domain.User;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookPayload;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.ClaimQuery;
import dev.docket.ports.Store;
import dev.docket.ports.WebhookClaim;
import dev.docket.ports.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link WebhookOutbox} must have: deliveries written with the transitions that
 * owe them (and only then), handed out when due, one job's in seq order, under leases that no two
 * senders share, also when two stores on one database claim at once.
 */
public abstract class WebhookOutboxContract extends StoreContract {
  private static final String URL = "https://hooks.example.test/docket?x=1&y=ü";
  private static final Duration LEASE = Duration.ofMinutes(5);

  /** A second store on the very database {@link #openStore()} opened, not emptied. */
  protected Store peerStore;

  /**
   * Opens another store on the database {@link #openStore()} opened for this test, without emptying
   * it. The fixture closes it.
   */
  protected abstract Store openPeerStore();

  @BeforeEach
  final void openPeer() {
    peerStore = openPeerStore();
  }

  @AfterEach
  final void closePeer() {
    if (peerStore != null) {
      peerStore.close();
    }
  }

  private User owner;

  private User owner() {
    if (owner == null) {
      owner = insertUser();
    }
    return owner;
  }

  private WebhookOutbox outbox() {
    return store.webhooks();
  }

  private static JobSpec hooked(String queue) {
    return new JobSpec("build", queue, "{\"n\": [1, 2.50]}", null, null, null, null, null, URL);
  }

  private Job hookedJob(String queue) {
    return insertJob(owner(), hooked(queue));
  }

  private Job cancel(Job job) {
    return store.jobs().update(job.id(), (j, now) -> j.cancel(now)).job();
  }

  private List<WebhookClaim> claim(int limit) {
    return outbox().claimDue(limit, LEASE);
  }

  private static List<Long> seqs(List<WebhookClaim> claims) {
    return claims.stream().map(c -> c.delivery().seq()).toList();
  }

  private static Instant ms(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- written with the transition ------------------------------------------------------

  @Test
  void insertingAJobWithAWebhookStoresItsCreationDeliveryWithEveryField() {
    Job job = hookedJob("ci");

    List<WebhookDelivery> stored = outbox().listByJob(job.id());

    assertThat(stored).hasSize(1);
    WebhookDelivery d = stored.get(0);
    assertThat(d.jobId()).isEqualTo(job.id());
    assertThat(d.seq()).isZero();
    assertThat(d.url()).isEqualTo(URL);
    assertThat(d.event()).isEqualTo(WebhookDelivery.JOB_STATUS);
    assertThat(d.body()).isEqualTo(WebhookPayload.jobStatus(job));
    assertThat(d.status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(d.attempts()).isZero();
    assertThat(d.lastStatusCode()).isNull();
    assertThat(d.lastError()).isNull();
    assertThat(d.nextAttemptAt()).isEqualTo(ms(T0));
    assertThat(d.deliveredAt()).isNull();
    assertThat(d.createdAt()).isEqualTo(ms(T0));
  }

  @Test
  void aJobWithoutAWebhookHasNoDeliveries() {
    Job job = insertJob(owner(), spec("ci", "build"));
    cancel(job);

    assertThat(outbox().listByJob(job.id())).isEmpty();
    assertThat(claim(10)).isEmpty();
  }

  @Test
  void updatesClaimsAndRescuesStoreTheDeliveriesTheirTransitionsOwe() {
    Job job = hookedJob("ci");
    Job claimed = claimOnly(job, claimAt(owner(), T0, Duration.ofSeconds(5)));
    List<Job> rescued =
        store.jobs().rescueExpired(10, (j, now) -> j.expireLease(now, Duration.ofHours(1)));
    Job cancelled = cancel(job);

    assertThat(rescued).extracting(Job::id).containsExactly(job.id());
    assertThat(outbox().listByJob(job.id()))
        .extracting(WebhookDelivery::seq)
        .containsExactly(3L, 2L, 1L, 0L);
    assertThat(outbox().listByJob(job.id()).get(0).body())
        .isEqualTo(WebhookPayload.jobStatus(cancelled));
    assertThat(outbox().listByJob(job.id()).get(2).body())
        .isEqualTo(WebhookPayload.jobStatus(claimed));
  }

  @Test
  void aTransitionThatFailsLeavesNoDelivery() {
    Job job = hookedJob("ci");

    assertThatThrownBy(
            () ->
                store
                    .jobs()
                    .update(
                        job.id(),
                        (j, now) -> {
                          j.cancel(now);
                          throw new IllegalStateException("abort");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.jobs().update(job.id(), (j, now) -> j.retry(now)))
        .isInstanceOf(RuntimeException.class);

    assertThat(outbox().listByJob(job.id())).hasSize(1);
  }

  @Test
  void deliveriesOutliveTheirDeletedJob() {
    Job job = hookedJob("ci");
    cancel(job);

    assertThat(store.jobs().deleteTerminal(job.id())).isTrue();

    assertThat(outbox().listByJob(job.id())).hasSize(2);
    assertThat(seqs(claim(10))).containsExactly(0L);
  }

  @Test
  void listsOnlyTheJobsOwnDeliveriesNewestFirst() {
    Job a = hookedJob("ci");
    Job b = hookedJob("ci");
    cancel(a);

    assertThat(outbox().listByJob(a.id()))
        .extracting(WebhookDelivery::jobId, WebhookDelivery::seq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a.id(), 1L),
            org.assertj.core.groups.Tuple.tuple(a.id(), 0L));
    assertThat(outbox().listByJob(b.id())).hasSize(1);
    assertThat(outbox().listByJob(UUID.randomUUID())).isEmpty();
  }

  // ---- claiming ---------------------------------------------------------------------------

  @Test
  void claimHandsOutOnlyTheOldestPendingDeliveryOfEachJob() {
    Job a = hookedJob("ci");
    Job b = hookedJob("ci");
    cancel(a);

    List<WebhookClaim> claims = claim(10);

    assertThat(claims)
        .extracting(c -> c.delivery().jobId(), c -> c.delivery().seq())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.id(), 0L),
            org.assertj.core.groups.Tuple.tuple(b.id(), 0L));
    assertThat(claims).extracting(WebhookClaim::token).doesNotHaveDuplicates();
  }

  @Test
  void aLeasedDeliveryIsNotHandedOutAgainNorIsTheNextOneOfItsJob() {
    Job job = hookedJob("ci");
    cancel(job);

    assertThat(seqs(claim(10))).containsExactly(0L);
    assertThat(claim(10)).isEmpty();
    assertThat(peerStore.webhooks().claimDue(10, LEASE)).isEmpty();
  }

  @Test
  void theNextDeliveryOfAJobIsDueOnceTheEarlierOneIsDelivered() {
    Job job = hookedJob("ci");
    cancel(job);
    WebhookClaim first = claim(10).get(0);

    assertThat(outbox().finish(first.delivery().delivered(200, outbox().now()), first.token()))
        .isTrue();

    assertThat(seqs(claim(10))).containsExactly(1L);
  }

  @Test
  void aFailedAttemptWaitsForItsRetryTimeAndHoldsBackTheJobsLaterDeliveries() {
    Job job = hookedJob("ci");
    cancel(job);
    WebhookClaim first = claim(10).get(0);
    Instant later = outbox().now().plus(Duration.ofHours(1));

    outbox().finish(first.delivery().attemptFailed(503, "HTTP 503", later), first.token());

    assertThat(claim(10)).isEmpty();
    WebhookDelivery stored = outbox().listByJob(job.id()).get(1);
    assertThat(stored.status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(stored.nextAttemptAt()).isEqualTo(ms(later));
  }

  @Test
  void aFailedAttemptDueAgainIsHandedOutAgain() {
    Job job = hookedJob("ci");
    WebhookClaim first = claim(10).get(0);
    Instant past = outbox().now().minusSeconds(1);

    outbox().finish(first.delivery().attemptFailed(null, "refused", past), first.token());

    List<WebhookClaim> again = claim(10);
    assertThat(seqs(again)).containsExactly(0L);
    assertThat(again.get(0).delivery().attempts()).isEqualTo(1);
    assertThat(again.get(0).token()).isNotEqualTo(first.token());
  }

  @Test
  void aGivenUpDeliveryLetsTheJobsNextOneGo() {
    Job job = hookedJob("ci");
    cancel(job);
    WebhookClaim first = claim(10).get(0);

    outbox().finish(first.delivery().attemptFailed(500, "HTTP 500", null), first.token());

    assertThat(seqs(claim(10))).containsExactly(1L);
    assertThat(outbox().listByJob(job.id()).get(1).status()).isEqualTo(WebhookStatus.FAILED);
  }

  @Test
  void theOutcomeOfAnAttemptRoundTrips() {
    Job job = hookedJob("ci");
    WebhookClaim c = claim(10).get(0);
    Instant at = outbox().now();

    outbox().finish(c.delivery().delivered(204, at), c.token());

    WebhookDelivery d = outbox().listByJob(job.id()).get(0);
    assertThat(d.status()).isEqualTo(WebhookStatus.DELIVERED);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatusCode()).isEqualTo(204);
    assertThat(d.lastError()).isNull();
    assertThat(d.deliveredAt()).isEqualTo(ms(at));
    assertThat(d.body()).isEqualTo(c.delivery().body());
    assertThat(claim(10)).isEmpty();
  }

  @Test
  void anErrorWithoutAStatusCodeRoundTrips() {
    Job job = hookedJob("ci");
    WebhookClaim c = claim(10).get(0);

    outbox()
        .finish(c.delivery().attemptFailed(null, "connect timed out – ünïcode", null), c.token());

    WebhookDelivery d = outbox().listByJob(job.id()).get(0);
    assertThat(d.status()).isEqualTo(WebhookStatus.FAILED);
    assertThat(d.lastStatusCode()).isNull();
    assertThat(d.lastError()).isEqualTo("connect timed out – ünïcode");
  }

  @Test
  void anExpiredLeaseIsHandedOutAgainAndTheOldTokenCanNoLongerFinish() {
    Job job = hookedJob("ci");
    WebhookClaim first = outbox().claimDue(10, Duration.ofMillis(300)).get(0);
    sleep(Duration.ofMillis(600));

    List<WebhookClaim> second = claim(10);

    assertThat(seqs(second)).containsExactly(0L);
    assertThat(outbox().finish(first.delivery().delivered(200, outbox().now()), first.token()))
        .isFalse();
    assertThat(outbox().listByJob(job.id()).get(0).status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(
            outbox()
                .finish(
                    second.get(0).delivery().delivered(200, outbox().now()), second.get(0).token()))
        .isTrue();
  }

  @Test
  void claimHonoursTheLimit() {
    for (int i = 0; i < 5; i++) {
      hookedJob("ci");
    }

    assertThat(claim(3)).hasSize(3);
    assertThat(claim(10)).hasSize(2);
  }

  @Test
  void twoStoresOnOneDatabaseClaimingAtOnceHandOutEachDeliveryOnce() throws Exception {
    for (int i = 0; i < 60; i++) {
      hookedJob("ci");
    }
    ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
    List<WebhookOutbox> outboxes = List.of(store.webhooks(), peerStore.webhooks());
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();

    runConcurrently(
        6,
        () -> {
          WebhookOutbox mine = outboxes.get(next.getAndIncrement() % 2);
          for (int round = 0; round < 10; round++) {
            for (WebhookClaim c : mine.claimDue(4, LEASE)) {
              claimed.add(c.delivery().id());
            }
          }
        });

    List<UUID> all = new ArrayList<>(claimed);
    Set<UUID> distinct = new HashSet<>(all);
    assertThat(all).hasSize(distinct.size());
    assertThat(distinct).hasSize(60);
  }

  @Test
  void theSigningSecretIsTheFirstOneStored() {
    String first = outbox().signingSecret("first-secret");
    String second = peerStore.webhooks().signingSecret("second-secret");

    assertThat(first).isEqualTo("first-secret");
    assertThat(second).isEqualTo("first-secret");
  }

  @Test
  void aStatusChangeOfAClaimedJobIsOwedInTheClaimItself() {
    Job job = hookedJob("ci");
    List<Job> claimed =
        store.jobs().claim(new ClaimQuery("ci", 1, null, null), claimChange(owner(), "w", LEASE));

    assertThat(claimed.get(0).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(outbox().listByJob(job.id()).get(0).body()).contains("\"status\":\"running\"");
  }
}
