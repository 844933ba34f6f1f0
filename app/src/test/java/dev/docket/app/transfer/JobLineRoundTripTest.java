package dev.docket.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docket.app.transfer.NdjsonCodec.Line;
import dev.docket.domain.Ids;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.ports.contract.EveryJobField;
import dev.docket.ports.transfer.TransferRecord.JobRow;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every field of a job survives an export line: written by {@link NdjsonCodec#encode} and read by
 * {@link NdjsonCodec#decode}, it is the same job, so a field added to {@code Job} fails here until
 * the export format carries it.
 */
class JobLineRoundTripTest {

  @Test
  void aJobWithEveryFieldSetReadsBackFromItsLineUnchanged() {
    Job every = EveryJobField.job(UUID.randomUUID(), UUID.randomUUID());

    JobRow back = roundTrip(new JobRow(every, "req-hash"));

    assertThat(EveryJobField.fields(back.job())).isEqualTo(EveryJobField.fields(every));
    assertThat(back.job()).isEqualTo(every);
    assertThat(back.requestHash()).isEqualTo("req-hash");
  }

  @Test
  void aJobLineHasOneColumnPerFieldBesidesItsTypeAndRequestHash() throws Exception {
    Job every = EveryJobField.job(UUID.randomUUID(), UUID.randomUUID());

    String line = NdjsonCodec.encode(new JobRow(every, "req-hash"));

    assertThat(new ObjectMapper().readTree(line).properties())
        .hasSize(EveryJobField.fields(every).size() + 2);
  }

  @Test
  void aNewJobReadsBackWithItsNullFieldsStillNull() {
    Instant now = Instant.parse("2026-02-03T04:05:06.789Z");
    JobSpec minimal = new JobSpec("mail.send", null, null, null, null, null, null, null, null);
    Job fresh = Job.create(Ids.newId(now), UUID.randomUUID(), minimal, now).job();

    JobRow back = roundTrip(new JobRow(fresh, null));

    assertThat(back.job()).isEqualTo(fresh);
    assertThat(back.job().leaseExpiresAt()).isNull();
    assertThat(back.requestHash()).isNull();
  }

  private static JobRow roundTrip(JobRow row) {
    Line decoded = NdjsonCodec.decode(NdjsonCodec.encode(row), 1);
    assertThat(decoded).isInstanceOf(Line.Data.class);
    return (JobRow) ((Line.Data) decoded).record();
  }
}
