package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.EventDraft;
import dev.docket.domain.FieldError;
import dev.docket.domain.Job;
import dev.docket.domain.JobEvent;
import dev.docket.domain.Role;
import dev.docket.domain.ValidationException;
import dev.docket.ports.JobSignals;
import dev.docket.ports.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reading a job's event log, once or as it grows. */
public abstract class EventServiceContract extends ServiceContract {

  /** A queued job of {@link #submitter} with {@code logs} log events after its creation event. */
  private Job jobWithLogs(int logs) {
    Job job = submit(submitter, "ci", "build");
    List<EventDraft> drafts = new ArrayList<>();
    for (int i = 0; i < logs; i++) {
      drafts.add(new EventDraft("log", "\"line " + i + "\""));
    }
    docket.workers().append(admin, job.id(), null, drafts);
    return job;
  }

  private static List<Long> seqs(List<JobEvent> events) {
    return events.stream().map(JobEvent::seq).toList();
  }

  @Test
  void listReturnsTheLogInSeqOrderFromASeq() {
    Job job = jobWithLogs(5);

    assertThat(seqs(docket.events().list(submitter, job.id(), 0, 1000)))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(seqs(docket.events().list(submitter, job.id(), 3, 1000)))
        .containsExactly(3L, 4L, 5L);
    assertThat(seqs(docket.events().list(submitter, job.id(), 1, 2))).containsExactly(1L, 2L);
    assertThat(docket.events().list(submitter, job.id(), 6, 10)).isEmpty();
    assertThat(docket.events().list(submitter, job.id(), 2, 1).get(0).data())
        .isEqualTo("\"line 1\"");
  }

  @Test
  void listValidatesFromAndLimit() {
    Job job = jobWithLogs(1);

    assertThatThrownBy(() -> docket.events().list(submitter, job.id(), -1, 10))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("from"));
    assertThatThrownBy(() -> docket.events().list(submitter, job.id(), 0, 0))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit"));
    assertThatThrownBy(() -> docket.events().list(submitter, job.id(), 0, 1001))
        .isInstanceOf(ValidationException.class);
    assertThat(docket.events().list(submitter, job.id(), 0, 1000)).hasSize(2);
  }

  @Test
  void ownerAndAdminMayReadOthersMayNot() {
    Job job = jobWithLogs(1);
    Actor stranger = actor(Role.SUBMITTER, Role.WORKER);

    assertThat(docket.events().list(admin, job.id(), 0, 10)).hasSize(2);
    assertThat(docket.events().job(submitter, job.id()).id()).isEqualTo(job.id());
    assertThatThrownBy(() -> docket.events().list(stranger, job.id(), 0, 10))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.events().list(worker, job.id(), 0, 10))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.events().job(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anUnknownJobIsNotFound() {
    UUID unknown = UUID.fromString("01941a2b-0000-7000-8000-0000000000ee");

    assertThatThrownBy(() -> docket.events().list(admin, unknown, 0, 10))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.events().current(unknown))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aStreamAlreadyAdmittedReadsWithoutAccessChecks() {
    Job job = jobWithLogs(2);

    assertThat(seqs(docket.events().read(job.id(), 1, 10))).containsExactly(1L, 2L);
    assertThat(docket.events().current(job.id()).eventCount()).isEqualTo(3);
  }

  @Test
  void aSubscriberIsWokenWhenEventsAreAppended() throws Exception {
    Job job = submit(submitter, "ci", "build");
    Job claimed = claimOne(worker, "ci");
    CountDownLatch woken = new CountDownLatch(1);

    try (JobSignals.Subscription sub = docket.events().subscribe(job.id(), woken::countDown)) {
      docket
          .workers()
          .append(worker, job.id(), claimed.leaseToken(), List.of(new EventDraft("log", "\"x\"")));

      assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seqs(docket.events().read(job.id(), 0, 10))).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aSubscriberIsWokenWhenTheJobChangesStatus() throws Exception {
    Job job = submit(submitter, "ci", "build");
    CountDownLatch woken = new CountDownLatch(1);

    try (JobSignals.Subscription sub = docket.events().subscribe(job.id(), woken::countDown)) {
      docket.jobs().cancel(submitter, job.id());

      assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
