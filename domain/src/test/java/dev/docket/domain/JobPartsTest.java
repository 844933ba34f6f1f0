package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobPartsTest {
  private static final Instant AT_NANOS = Instant.parse("2026-01-02T03:04:05.678912345Z");
  private static final Instant AT_MILLIS = Instant.parse("2026-01-02T03:04:05.678Z");

  @Test
  void everyPartKeepsItsInstantsToTheMillisecond() {
    JobSubmission submission =
        new JobSubmission(
            UUID.randomUUID(), UUID.randomUUID(), "q", "k", "{}", "{}", 0, 3, null, null, AT_NANOS);
    JobState state = new JobState(JobStatus.RUNNING, 1, AT_NANOS, AT_NANOS, AT_NANOS, 0.0, 1, 0);
    JobLease lease = new JobLease("w", UUID.randomUUID(), "lt_x", AT_NANOS);
    JobOutcome outcome = new JobOutcome(null, null, AT_NANOS);

    assertThat(submission.createdAt()).isEqualTo(AT_MILLIS);
    assertThat(state.runAt()).isEqualTo(AT_MILLIS);
    assertThat(state.startedAt()).isEqualTo(AT_MILLIS);
    assertThat(state.updatedAt()).isEqualTo(AT_MILLIS);
    assertThat(lease.expiresAt()).isEqualTo(AT_MILLIS);
    assertThat(outcome.finishedAt()).isEqualTo(AT_MILLIS);
  }

  @Test
  void aLeaseWithoutAWorkerNamesNoUser() {
    JobLease lease = new JobLease(null, UUID.randomUUID(), "lt_x", AT_MILLIS);

    assertThat(lease.leasedBy()).isNull();
  }

  @Test
  void aLeaseIsHeldUntilItsExpiryAndNotAtIt() {
    JobLease lease = new JobLease("w", UUID.randomUUID(), "lt_x", AT_MILLIS);

    assertThat(lease.isHeldAt(AT_MILLIS.minusMillis(1))).isTrue();
    assertThat(lease.isHeldAt(AT_MILLIS)).isFalse();
    assertThat(JobLease.NONE.isHeldAt(AT_MILLIS)).isFalse();
  }

  @Test
  void theFlatFieldsReadThroughToTheParts() {
    Job job =
        Job.create(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new JobSpec("k", "q", "{\"a\":1}", null, 4, null, 7, "idem", null),
                AT_MILLIS)
            .job();

    assertThat(job.queue()).isEqualTo(job.submission().queue()).isEqualTo("q");
    assertThat(job.priority()).isEqualTo(4);
    assertThat(job.maxAttempts()).isEqualTo(7);
    assertThat(job.status()).isEqualTo(job.state().status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.eventCount()).isEqualTo(job.state().eventCount()).isEqualTo(1);
    assertThat(job.lease()).isEqualTo(JobLease.NONE);
    assertThat(job.outcome()).isEqualTo(JobOutcome.NONE);
  }

  @Test
  void aJobNeedsAllFourParts() {
    Job job =
        Job.create(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new JobSpec("k", null, null, null, null, null, null, null, null),
                AT_MILLIS)
            .job();

    assertThatThrownBy(() -> new Job(job.submission(), job.state(), null, job.outcome()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lease");
  }
}
