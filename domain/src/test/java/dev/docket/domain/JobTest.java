package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every legal transition of the job state machine, and the illegal ones it must refuse. */
class JobTest {
  /** Deliberately carries nanoseconds: the model must keep milliseconds only. */
  static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456789Z");

  static final UUID JOB_ID = UUID.fromString("01941a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b");
  static final UUID OWNER = UUID.fromString("01941a2b-0000-7000-8000-000000000001");
  static final UUID CLAIMANT = UUID.fromString("01941a2b-0000-7000-8000-000000000002");
  static final Duration LEASE = Duration.ofSeconds(30);
  static final String TOKEN = "lt_first";

  static JobSpec spec() {
    return new JobSpec("build", null, null, null, null, null, null, null, null);
  }

  static JobSpec specWithAttempts(int maxAttempts) {
    return new JobSpec("build", "ci", null, null, null, null, maxAttempts, null, null);
  }

  static Job queued(JobSpec spec) {
    return Job.create(JOB_ID, OWNER, spec, T0).job();
  }

  static Job queued() {
    return queued(spec());
  }

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static Job running(Job queued, String token, Instant at) {
    return queued.claim(CLAIMANT, "worker-1", token, at, LEASE).job();
  }

  static Job running() {
    return running(queued(), TOKEN, at(1));
  }

  static Instant ms(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The invariants of every transition: events numbered densely from the job's event count, one
   * version more, events stamped with the transition time to the millisecond.
   */
  static void assertAppended(Job before, Transition t, Instant now, int events) {
    assertThat(t.events()).hasSize(events);
    for (int i = 0; i < events; i++) {
      JobEvent e = t.events().get(i);
      assertThat(e.seq()).isEqualTo(before.eventCount() + i);
      assertThat(e.jobId()).isEqualTo(before.id());
      assertThat(e.at()).isEqualTo(ms(now));
    }
    assertThat(t.job().eventCount()).isEqualTo(before.eventCount() + events);
    assertThat(t.job().version()).isEqualTo(before.version() + 1);
  }

  static String statusData(Transition t) {
    JobEvent e = t.events().get(t.events().size() - 1);
    assertThat(e.type()).isEqualTo(JobEvent.STATUS);
    return e.data();
  }

  @Nested
  class Create {
    @Test
    void createdJobIsQueuedWithDefaultsAndStatusEventSeqZero() {
      Transition t = Job.create(JOB_ID, OWNER, spec(), T0);
      Job job = t.job();

      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.queue()).isEqualTo("default");
      assertThat(job.payload()).isEqualTo("{}");
      assertThat(job.metadata()).isEqualTo("{}");
      assertThat(job.priority()).isZero();
      assertThat(job.attempt()).isZero();
      assertThat(job.maxAttempts()).isEqualTo(3);
      assertThat(job.runAt()).isEqualTo(ms(T0));
      assertThat(job.createdAt()).isEqualTo(ms(T0));
      assertThat(job.updatedAt()).isEqualTo(ms(T0));
      assertThat(job.startedAt()).isNull();
      assertThat(job.finishedAt()).isNull();
      assertThat(job.progress()).isZero();
      assertThat(job.leaseToken()).isNull();
      assertThat(job.leaseExpiresAt()).isNull();
      assertThat(job.eventCount()).isEqualTo(1);
      assertThat(job.version()).isZero();
      assertThat(t.events()).hasSize(1);
      JobEvent e = t.events().get(0);
      assertThat(e.seq()).isZero();
      assertThat(e.type()).isEqualTo("status");
      assertThat(e.data()).isEqualTo("{\"from\":null,\"to\":\"queued\",\"attempt\":0}");
      assertThat(e.at()).isEqualTo(ms(T0));
    }

    @Test
    void createdJobKeepsEverythingTheSpecAsksFor() {
      Instant runAt = Instant.parse("2030-05-06T07:08:09.987654Z");
      JobSpec spec =
          new JobSpec(
              "deploy",
              "prod.eu-1",
              "[1,2]",
              "{\"team\":\"x\"}",
              7,
              runAt,
              9,
              "key-1",
              "https://example.com/hook");

      Job job = Job.create(JOB_ID, OWNER, spec, T0).job();

      assertThat(job.kind()).isEqualTo("deploy");
      assertThat(job.queue()).isEqualTo("prod.eu-1");
      assertThat(job.payload()).isEqualTo("[1,2]");
      assertThat(job.metadata()).isEqualTo("{\"team\":\"x\"}");
      assertThat(job.priority()).isEqualTo(7);
      assertThat(job.runAt()).isEqualTo(Instant.parse("2030-05-06T07:08:09.987Z"));
      assertThat(job.maxAttempts()).isEqualTo(9);
      assertThat(job.idempotencyKey()).isEqualTo("key-1");
      assertThat(job.webhookUrl()).isEqualTo("https://example.com/hook");
      assertThat(job.ownerId()).isEqualTo(OWNER);
      assertThat(job.id()).isEqualTo(JOB_ID);
    }

    @Test
    void createRejectsAnInvalidSpecNamingTheFields() {
      JobSpec bad = new JobSpec("", "UPPER", null, "[]", null, null, 0, null, "ftp://x");

      assertThatThrownBy(() -> Job.create(JOB_ID, OWNER, bad, T0))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(FieldError::field)
                      .containsExactlyInAnyOrder(
                          "kind", "queue", "max_attempts", "webhook_url", "metadata"));
    }
  }

  @Nested
  class Claim {
    @Test
    void claimMovesQueuedToRunningWithALeaseAndCountsTheAttempt() {
      Job before = queued();
      Instant now = at(1).plusNanos(999_999);

      Transition t = before.claim(CLAIMANT, "worker-1", TOKEN, now, LEASE);
      Job job = t.job();

      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.workerId()).isEqualTo("worker-1");
      assertThat(job.leasedBy()).isEqualTo(CLAIMANT);
      assertThat(job.leaseToken()).isEqualTo(TOKEN);
      assertThat(job.leaseExpiresAt()).isEqualTo(ms(now.plus(LEASE)));
      assertThat(job.startedAt()).isEqualTo(ms(now));
      assertThat(job.updatedAt()).isEqualTo(ms(now));
      assertThat(job.finishedAt()).isNull();
      assertThat(job.leaseHeldAt(now)).isTrue();
      assertAppended(before, t, now, 1);
      assertThat(statusData(t)).isEqualTo("{\"from\":\"queued\",\"to\":\"running\",\"attempt\":1}");
    }

    @Test
    void claimOfARunningJobIsIllegal() {
      Job job = running();

      assertThatThrownBy(() -> job.claim(CLAIMANT, "w2", "lt_other", at(2), LEASE))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e -> assertThat(e.from()).isEqualTo(JobStatus.RUNNING));
    }

    @Test
    void claimOfATerminalJobIsIllegal() {
      Job done = running().complete(TOKEN, at(2), null).job();

      assertThatThrownBy(() -> done.claim(CLAIMANT, "w2", "lt_other", at(3), LEASE))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("succeeded");
    }
  }

  @Nested
  class Heartbeat {
    @Test
    void heartbeatWithProgressAndLeaseSetsBothAndWritesAProgressEvent() {
      Job before = running();
      Instant now = at(10);

      Transition t = before.heartbeat(TOKEN, now, 42.5, Duration.ofSeconds(120));

      assertThat(t.job().progress()).isEqualTo(42.5);
      assertThat(t.job().leaseExpiresAt()).isEqualTo(ms(now.plusSeconds(120)));
      assertThat(t.job().status()).isEqualTo(JobStatus.RUNNING);
      assertThat(t.job().updatedAt()).isEqualTo(ms(now));
      assertAppended(before, t, now, 1);
      assertThat(t.events().get(0).type()).isEqualTo("progress");
      assertThat(t.events().get(0).data()).isEqualTo("42.5");
    }

    @Test
    void heartbeatWithoutProgressWritesNoEventButStillBumpsTheVersion() {
      Job before = running();

      Transition t = before.heartbeat(TOKEN, at(10), null, null);

      assertAppended(before, t, at(10), 0);
      assertThat(t.job().progress()).isEqualTo(before.progress());
    }

    @Test
    void heartbeatWithUnchangedProgressWritesNoEvent() {
      Job before = running().heartbeat(TOKEN, at(2), 10.0, null).job();

      Transition t = before.heartbeat(TOKEN, at(3), 10.0, null);

      assertThat(t.events()).isEmpty();
      assertThat(t.job().progress()).isEqualTo(10.0);
    }

    @Test
    void heartbeatWithoutLeaseExtendsByTheLengthLastGranted() {
      Job before = queued().claim(CLAIMANT, "w", TOKEN, at(1), Duration.ofSeconds(5)).job();

      Job first = before.heartbeat(TOKEN, at(4), null, null).job();
      Job second = first.heartbeat(TOKEN, at(7), null, Duration.ofSeconds(30)).job();
      Job third = second.heartbeat(TOKEN, at(20), null, null).job();

      assertThat(first.leaseExpiresAt()).isEqualTo(ms(at(4).plusSeconds(5)));
      assertThat(third.leaseExpiresAt()).isEqualTo(ms(at(20).plusSeconds(30)));
    }

    @Test
    void heartbeatWithoutLeaseKeepsALongLeaseLong() {
      Job before = queued().claim(CLAIMANT, "w", TOKEN, at(1), Duration.ofHours(1)).job();

      Job job = before.heartbeat(TOKEN, at(2), null, null).job();

      assertThat(job.leaseExpiresAt()).isEqualTo(ms(at(2).plus(Duration.ofHours(1))));
    }

    @Test
    void heartbeatWithAStaleTokenLosesTheLease() {
      Job job = running();

      assertThatThrownBy(() -> job.heartbeat("lt_stale", at(2), null, null))
          .isInstanceOfSatisfying(
              LeaseLostException.class, e -> assertThat(e.jobId()).isEqualTo(JOB_ID));
    }

    @Test
    void heartbeatWithoutATokenLosesTheLease() {
      Job job = running();

      assertThatThrownBy(() -> job.heartbeat(null, at(2), null, null))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void heartbeatAfterTheLeaseExpiredLosesTheLease() {
      Job job = running();
      Instant expiry = job.leaseExpiresAt();

      assertThatThrownBy(() -> job.heartbeat(TOKEN, expiry, null, null))
          .isInstanceOf(LeaseLostException.class);
      assertThatThrownBy(() -> job.heartbeat(TOKEN, expiry.plusSeconds(5), null, null))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void heartbeatOneMillisecondBeforeExpiryStillHoldsTheLease() {
      Job job = running();
      Instant justBefore = job.leaseExpiresAt().minusMillis(1);

      assertThat(job.heartbeat(TOKEN, justBefore, null, null).job().leaseExpiresAt())
          .isAfter(job.leaseExpiresAt());
    }

    @Test
    void heartbeatOfTheHolderAfterCancelSaysCancelled() {
      Job cancelled = running().cancel(at(2)).job();

      assertThatThrownBy(() -> cancelled.heartbeat(TOKEN, at(3), null, null))
          .isInstanceOfSatisfying(
              JobCancelledException.class, e -> assertThat(e.jobId()).isEqualTo(JOB_ID));
    }
  }

  @Nested
  class Complete {
    @Test
    void completeMovesRunningToSucceededWithTheResult() {
      Job before = running();
      Instant now = at(5).plusNanos(123_456);

      Transition t = before.complete(TOKEN, now, "{\"ok\":true}");
      Job job = t.job();

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.result()).isEqualTo("{\"ok\":true}");
      assertThat(job.error()).isNull();
      assertThat(job.finishedAt()).isEqualTo(ms(now));
      assertThat(job.updatedAt()).isEqualTo(ms(now));
      assertThat(job.progress()).isEqualTo(100.0);
      assertThat(job.leaseExpiresAt()).isNull();
      assertThat(job.leaseHeldAt(now)).isFalse();
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.startedAt()).isEqualTo(before.startedAt());
      assertAppended(before, t, now, 1);
      assertThat(statusData(t))
          .isEqualTo("{\"from\":\"running\",\"to\":\"succeeded\",\"attempt\":1}");
    }

    @Test
    void completeOfAQueuedJobLosesTheLease() {
      Job job = queued();

      assertThatThrownBy(() -> job.complete(TOKEN, at(1), null))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void completeWithAStaleTokenLosesTheLease() {
      Job job = running();

      assertThatThrownBy(() -> job.complete("lt_other", at(2), null))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void completeTwiceLosesTheLeaseTheSecondTime() {
      Job done = running().complete(TOKEN, at(2), null).job();

      assertThatThrownBy(() -> done.complete(TOKEN, at(3), null))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void completeAfterCancelSaysCancelled() {
      Job cancelled = running().cancel(at(2)).job();

      assertThatThrownBy(() -> cancelled.complete(TOKEN, at(3), null))
          .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void completeByAWorkerWhoseJobWasRequeuedAndReclaimedLosesTheLease() {
      Job requeued = running().fail(TOKEN, at(2), "boom", true, Duration.ZERO).job();
      Job reclaimed = running(requeued, "lt_second", at(3));

      assertThatThrownBy(() -> reclaimed.complete(TOKEN, at(4), null))
          .isInstanceOf(LeaseLostException.class);
      assertThat(reclaimed.complete("lt_second", at(4), null).job().status())
          .isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  @Nested
  class Fail {
    @Test
    void retryableFailureWithAttemptsLeftRequeuesAfterTheDelay() {
      Job before = running();
      Instant now = at(5).plusNanos(777_777);
      Duration delay = Duration.ofMillis(2_345);

      Transition t = before.fail(TOKEN, now, "boom", true, delay);
      Job job = t.job();

      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.runAt()).isEqualTo(ms(now.plus(delay)));
      assertThat(job.error()).isEqualTo("boom");
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.finishedAt()).isNull();
      assertThat(job.leaseToken()).isNull();
      assertThat(job.leaseExpiresAt()).isNull();
      assertThat(job.workerId()).isNull();
      assertThat(job.leasedBy()).isNull();
      assertThat(job.updatedAt()).isEqualTo(ms(now));
      assertAppended(before, t, now, 1);
      assertThat(statusData(t))
          .isEqualTo("{\"from\":\"running\",\"to\":\"queued\",\"attempt\":1,\"error\":\"boom\"}");
    }

    @Test
    void nonRetryableFailureFailsAtOnce() {
      Job before = running();

      Transition t = before.fail(TOKEN, at(5), "bad input", false, Duration.ofSeconds(2));

      assertThat(t.job().status()).isEqualTo(JobStatus.FAILED);
      assertThat(t.job().error()).isEqualTo("bad input");
      assertThat(t.job().finishedAt()).isEqualTo(ms(at(5)));
      assertThat(t.job().runAt()).isEqualTo(before.runAt());
      assertThat(t.job().leaseExpiresAt()).isNull();
      assertAppended(before, t, at(5), 1);
      assertThat(statusData(t))
          .isEqualTo(
              "{\"from\":\"running\",\"to\":\"failed\",\"attempt\":1,\"error\":\"bad input\"}");
    }

    @Test
    void retryableFailureOnTheLastAttemptFails() {
      Job job = queued(specWithAttempts(2));
      job = running(job, "lt_1", at(1)).fail("lt_1", at(2), "e1", true, Duration.ZERO).job();
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      job = running(job, "lt_2", at(3));
      assertThat(job.attempt()).isEqualTo(2);

      Job failed = job.fail("lt_2", at(4), "e2", true, Duration.ofSeconds(4)).job();

      assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
      assertThat(failed.attempt()).isEqualTo(2);
      assertThat(failed.error()).isEqualTo("e2");
      assertThat(failed.finishedAt()).isEqualTo(ms(at(4)));
    }

    @Test
    void maxAttemptsOfOneFailsOnTheFirstFailure() {
      Job job = running(queued(specWithAttempts(1)), TOKEN, at(1));

      assertThat(job.fail(TOKEN, at(2), "x", true, Duration.ZERO).job().status())
          .isEqualTo(JobStatus.FAILED);
    }

    @Test
    void failureMessageIsEscapedInTheStatusEvent() {
      Transition t = running().fail(TOKEN, at(2), "say \"hi\"\n\\", false, Duration.ZERO);

      assertThat(statusData(t)).endsWith(",\"error\":\"say \\\"hi\\\"\\n\\\\\"}");
    }

    @Test
    void failWithAStaleTokenLosesTheLease() {
      Job job = running();

      assertThatThrownBy(() -> job.fail("lt_other", at(2), "x", true, Duration.ZERO))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void failOfAQueuedJobLosesTheLease() {
      assertThatThrownBy(() -> queued().fail(TOKEN, at(2), "x", true, Duration.ZERO))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void failAfterCancelSaysCancelled() {
      Job cancelled = running().cancel(at(2)).job();

      assertThatThrownBy(() -> cancelled.fail(TOKEN, at(3), "x", true, Duration.ZERO))
          .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void failAfterTheLeaseExpiredLosesTheLease() {
      Job job = running();

      assertThatThrownBy(
              () -> job.fail(TOKEN, job.leaseExpiresAt().plusMillis(1), "x", true, Duration.ZERO))
          .isInstanceOf(LeaseLostException.class);
    }
  }

  @Nested
  class ExpireLease {
    @Test
    void expiredLeaseWithAttemptsLeftRequeuesWithTheDelay() {
      Job before = running();
      Instant now = before.leaseExpiresAt().plusMillis(500);

      Transition t = before.expireLease(now, Duration.ofSeconds(2));

      assertThat(t.job().status()).isEqualTo(JobStatus.QUEUED);
      assertThat(t.job().error()).isEqualTo("lease expired");
      assertThat(t.job().runAt()).isEqualTo(ms(now.plusSeconds(2)));
      assertThat(t.job().leaseToken()).isNull();
      assertThat(t.job().finishedAt()).isNull();
      assertAppended(before, t, now, 1);
      assertThat(statusData(t))
          .isEqualTo(
              "{\"from\":\"running\",\"to\":\"queued\",\"attempt\":1,\"error\":\"lease expired\"}");
    }

    @Test
    void expiredLeaseOnTheLastAttemptFailsWithLeaseExpired() {
      Job before = running(queued(specWithAttempts(1)), TOKEN, at(1));
      Instant now = before.leaseExpiresAt();

      Transition t = before.expireLease(now, Duration.ofSeconds(2));

      assertThat(t.job().status()).isEqualTo(JobStatus.FAILED);
      assertThat(t.job().error()).isEqualTo(Job.LEASE_EXPIRED);
      assertThat(t.job().finishedAt()).isEqualTo(ms(now));
      assertThat(statusData(t))
          .isEqualTo(
              "{\"from\":\"running\",\"to\":\"failed\",\"attempt\":1,\"error\":\"lease expired\"}");
    }

    @Test
    void expireLeaseBeforeTheLeaseRanOutIsIllegal() {
      Job job = running();

      assertThatThrownBy(() -> job.expireLease(job.leaseExpiresAt().minusMillis(1), Duration.ZERO))
          .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void expireLeaseOfAQueuedJobIsIllegal() {
      assertThatThrownBy(() -> queued().expireLease(at(3600), Duration.ZERO))
          .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theOldHolderLosesTheLeaseAfterARescue() {
      Job job = running();
      Job rescued = job.expireLease(job.leaseExpiresAt(), Duration.ZERO).job();

      assertThatThrownBy(() -> rescued.heartbeat(TOKEN, job.leaseExpiresAt(), null, null))
          .isInstanceOf(LeaseLostException.class);
    }
  }

  @Nested
  class Cancel {
    @Test
    void cancelAQueuedJob() {
      Job before = queued();

      Transition t = before.cancel(at(1));

      assertThat(t.job().status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(t.job().finishedAt()).isEqualTo(ms(at(1)));
      assertThat(t.job().updatedAt()).isEqualTo(ms(at(1)));
      assertAppended(before, t, at(1), 1);
      assertThat(statusData(t))
          .isEqualTo("{\"from\":\"queued\",\"to\":\"cancelled\",\"attempt\":0}");
    }

    @Test
    void cancelARunningJobEndsItsLeaseButKeepsTheTokenToTellTheHolder() {
      Job before = running();

      Transition t = before.cancel(at(2));

      assertThat(t.job().status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(t.job().finishedAt()).isEqualTo(ms(at(2)));
      assertThat(t.job().leaseExpiresAt()).isNull();
      assertThat(t.job().leaseToken()).isEqualTo(TOKEN);
      assertThat(t.job().leaseHeldAt(at(2))).isFalse();
      assertAppended(before, t, at(2), 1);
      assertThat(statusData(t))
          .isEqualTo("{\"from\":\"running\",\"to\":\"cancelled\",\"attempt\":1}");
    }

    @Test
    void cancelOfEveryTerminalJobIsIllegal() {
      Job running = running();
      List<Job> terminal =
          List.of(
              running.complete(TOKEN, at(2), null).job(),
              running.fail(TOKEN, at(2), "x", false, Duration.ZERO).job(),
              running.cancel(at(2)).job());

      for (Job job : terminal) {
        assertThatThrownBy(() -> job.cancel(at(3)))
            .isInstanceOfSatisfying(
                IllegalTransitionException.class,
                e -> {
                  assertThat(e.from()).isEqualTo(job.status());
                  assertThat(e.action()).isEqualTo("cancel");
                });
      }
    }

    @Test
    void aStrangersTokenOnACancelledJobLosesTheLeaseRatherThanLearningOfTheCancel() {
      Job cancelled = running().cancel(at(2)).job();

      assertThatThrownBy(() -> cancelled.heartbeat("lt_stranger", at(3), null, null))
          .isInstanceOf(LeaseLostException.class);
    }
  }

  @Nested
  class Retry {
    @Test
    void retryAFailedJobQueuesItAgainFromAttemptZero() {
      Job before = running().fail(TOKEN, at(2), "x", false, Duration.ZERO).job();

      Transition t = before.retry(at(10));
      Job job = t.job();

      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.attempt()).isZero();
      assertThat(job.runAt()).isEqualTo(ms(at(10)));
      assertThat(job.error()).isNull();
      assertThat(job.result()).isNull();
      assertThat(job.startedAt()).isNull();
      assertThat(job.finishedAt()).isNull();
      assertThat(job.progress()).isZero();
      assertThat(job.leaseToken()).isNull();
      assertThat(job.workerId()).isNull();
      assertThat(job.leasedBy()).isNull();
      assertAppended(before, t, at(10), 1);
      assertThat(statusData(t)).isEqualTo("{\"from\":\"failed\",\"to\":\"queued\",\"attempt\":0}");
    }

    @Test
    void retryACancelledJob() {
      Job before = running().cancel(at(2)).job();

      Transition t = before.retry(at(3));

      assertThat(t.job().status()).isEqualTo(JobStatus.QUEUED);
      assertThat(t.job().attempt()).isZero();
      assertThat(t.job().finishedAt()).isNull();
      assertThat(statusData(t))
          .isEqualTo("{\"from\":\"cancelled\",\"to\":\"queued\",\"attempt\":0}");
    }

    @Test
    void theHolderOfACancelledThenRetriedJobLosesTheLease() {
      Job retried = running().cancel(at(2)).job().retry(at(3)).job();

      assertThatThrownBy(() -> retried.complete(TOKEN, at(4), null))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void retriedJobCanBeClaimedAgainAndGetsAllItsAttempts() {
      Job retried =
          running(queued(specWithAttempts(1)), TOKEN, at(1))
              .fail(TOKEN, at(2), "x", true, Duration.ZERO)
              .job()
              .retry(at(3))
              .job();

      Job again = running(retried, "lt_again", at(4));

      assertThat(again.attempt()).isEqualTo(1);
      assertThat(again.fail("lt_again", at(5), "y", true, Duration.ZERO).job().status())
          .isEqualTo(JobStatus.FAILED);
    }

    @Test
    void retryOfAQueuedRunningOrSucceededJobIsIllegal() {
      Job queued = queued();
      Job running = running();
      Job succeeded = running.complete(TOKEN, at(2), null).job();

      for (Job job : List.of(queued, running, succeeded)) {
        assertThatThrownBy(() -> job.retry(at(3)))
            .isInstanceOfSatisfying(
                IllegalTransitionException.class,
                e -> assertThat(e.from()).isEqualTo(job.status()));
      }
    }
  }

  @Nested
  class Append {
    @Test
    void holderAppendsEventsWithDenseSeqs() {
      Job before = running().heartbeat(TOKEN, at(2), 5.0, null).job();
      List<EventDraft> drafts =
          List.of(new EventDraft("log", "\"compiling\""), new EventDraft("custom.x", "{}"));

      Transition t = before.append(TOKEN, at(3), drafts);

      assertAppended(before, t, at(3), 2);
      assertThat(t.events()).extracting(JobEvent::type).containsExactly("log", "custom.x");
      assertThat(t.events()).extracting(JobEvent::data).containsExactly("\"compiling\"", "{}");
      assertThat(t.events().get(0).seq()).isEqualTo(3);
      assertThat(t.job().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aProgressEventWithANumberSetsProgress() {
      Job before = running();

      Job job = before.append(TOKEN, at(3), List.of(new EventDraft("progress", " 37.5 "))).job();

      assertThat(job.progress()).isEqualTo(37.5);
    }

    @Test
    void aProgressEventOutOfRangeOrNotANumberLeavesProgressAlone() {
      Job before = running().heartbeat(TOKEN, at(2), 12.0, null).job();

      Job job =
          before
              .append(
                  TOKEN,
                  at(3),
                  List.of(new EventDraft("progress", "150"), new EventDraft("progress", "\"x\"")))
              .job();

      assertThat(job.progress()).isEqualTo(12.0);
    }

    @Test
    void adminAppendsWithoutATokenToQueuedAndRunningJobs() {
      Job queued = queued();
      Job running = running();

      Transition q = queued.append(null, at(1), List.of(new EventDraft("log", "\"a\"")));
      Transition r = running.append(null, at(3), List.of(new EventDraft("log", "\"b\"")));

      assertAppended(queued, q, at(1), 1);
      assertAppended(running, r, at(3), 1);
      assertThat(r.job().leaseToken()).isEqualTo(TOKEN);
    }

    @Test
    void adminCannotAppendToATerminalJob() {
      Job done = running().complete(TOKEN, at(2), null).job();

      assertThatThrownBy(() -> done.append(null, at(3), List.of(new EventDraft("log", "\"x\""))))
          .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void appendWithAStaleTokenLosesTheLease() {
      Job job = running();

      assertThatThrownBy(() -> job.append("lt_x", at(3), List.of(new EventDraft("log", "\"x\""))))
          .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void appendByTheHolderAfterCancelSaysCancelled() {
      Job cancelled = running().cancel(at(2)).job();

      assertThatThrownBy(
              () -> cancelled.append(TOKEN, at(3), List.of(new EventDraft("log", "\"x\""))))
          .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void appendAfterTheLeaseExpiredLosesTheLease() {
      Job job = running();

      assertThatThrownBy(
              () ->
                  job.append(TOKEN, job.leaseExpiresAt(), List.of(new EventDraft("log", "\"x\""))))
          .isInstanceOf(LeaseLostException.class);
    }
  }

  @Nested
  class WholeLife {
    @Test
    void eventSeqsStayDenseAndVersionsGrowByOneAcrossAWholeLife() {
      Transition created = Job.create(JOB_ID, OWNER, specWithAttempts(3), T0);
      Job job = created.job();
      long seq = 1;
      long version = 0;
      assertThat(created.events().get(0).seq()).isZero();

      List<java.util.function.Function<Job, Transition>> steps =
          List.of(
              j -> j.claim(CLAIMANT, "w", "lt_a", at(1), LEASE),
              j -> j.heartbeat("lt_a", at(2), 50.0, null),
              j -> j.append("lt_a", at(3), List.of(new EventDraft("log", "\"x\""))),
              j -> j.fail("lt_a", at(4), "e", true, Duration.ofSeconds(1)),
              j -> j.claim(CLAIMANT, "w", "lt_b", at(6), LEASE),
              j -> j.expireLease(at(6).plus(LEASE), Duration.ZERO),
              j -> j.claim(CLAIMANT, "w", "lt_c", at(100), LEASE),
              j -> j.cancel(at(101)),
              j -> j.retry(at(102)),
              j -> j.claim(CLAIMANT, "w", "lt_d", at(103), LEASE),
              j -> j.complete("lt_d", at(104), "1"));
      for (var step : steps) {
        Transition t = step.apply(job);
        for (JobEvent e : t.events()) {
          assertThat(e.seq()).isEqualTo(seq++);
        }
        assertThat(t.job().version()).isEqualTo(++version);
        assertThat(t.job().eventCount()).isEqualTo(seq);
        job = t.job();
      }

      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.finishedAt()).isEqualTo(ms(at(104)));
    }
  }
}
