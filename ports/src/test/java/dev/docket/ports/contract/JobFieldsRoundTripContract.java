package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Job;
import dev.docket.domain.Role;
import dev.docket.domain.Transition;
import dev.docket.domain.User;
import dev.docket.ports.IdempotentJob;
import dev.docket.ports.JobQuery;
import dev.docket.ports.NewJob;
import dev.docket.ports.transfer.RecordWriter;
import dev.docket.ports.transfer.TransferRecord;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import dev.docket.ports.transfer.TransferRecord.UserRow;
import dev.docket.ports.transfer.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every field of a {@link Job} survives each way a store writes and reads jobs: an insert, a
 * transition's update and a whole-store transfer. The job comes from {@link EveryJobField}, so a
 * field added to {@code Job} fails here until the store maps it both ways.
 */
public abstract class JobFieldsRoundTripContract extends StoreContract {
  private User owner;
  private User holder;
  private Job every;

  @BeforeEach
  final void everyFieldJob() {
    owner = newUser(Role.SUBMITTER);
    holder = newUser(Role.WORKER);
    every = EveryJobField.job(owner.id(), holder.id());
  }

  @Test
  void anInsertedJobReadsBackWithEveryField() {
    store.users().insert(owner);
    store.users().insert(holder);

    List<Job> inserted =
        store.jobs().insert(List.of(new NewJob(new Transition(every, List.of()), "req-hash")));

    assertSameFields(inserted.get(0), every);
    assertSameFields(store.jobs().find(every.id()).orElseThrow(), every);
    IdempotentJob byKey =
        store.jobs().findByIdempotencyKey(owner.id(), every.idempotencyKey()).orElseThrow();
    assertSameFields(byKey.job(), every);
    assertThat(byKey.requestHash()).isEqualTo("req-hash");
    JobQuery all = new JobQuery(owner.id(), null, null, null, null, null, null, 10);
    assertSameFields(store.jobs().list(all).items().get(0), every);
  }

  @Test
  void anUpdateStoresEveryFieldATransitionChanges() {
    store.users().insert(owner);
    store.users().insert(holder);
    Job plain = insertJob(owner, spec("every-field", "plain"));
    Job changed = new Job(plain.submission(), every.state(), every.lease(), every.outcome());

    Transition stored =
        store.jobs().update(plain.id(), (job, now) -> new Transition(changed, List.of()));

    assertSameFields(stored.job(), changed);
    assertSameFields(store.jobs().find(plain.id()).orElseThrow(), changed);
  }

  @Test
  void aTransferWritesAndReadsEveryField() {
    try (RecordWriter writer = store.transfer().writer(WriteOptions.defaults())) {
      writer.write(new UserRow(owner));
      writer.write(new UserRow(holder));
      writer.write(new JobRow(every, "req-hash"));
    }

    List<JobRow> read = new ArrayList<>();
    store
        .transfer()
        .read(
            (TransferRecord r) -> {
              if (r instanceof JobRow row) {
                read.add(row);
              }
            });

    assertThat(read).hasSize(1);
    assertSameFields(read.get(0).job(), every);
    assertThat(read.get(0).requestHash()).isEqualTo("req-hash");
  }

  /** Field by field first, so that a failure names the field. */
  private static void assertSameFields(Job actual, Job expected) {
    assertThat(EveryJobField.fields(actual)).isEqualTo(EveryJobField.fields(expected));
    assertThat(actual).isEqualTo(expected);
  }
}
