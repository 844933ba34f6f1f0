package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.domain.Job;
import dev.docket.domain.User;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.docket.ports.JobRepository} must have. */
public abstract class JobRepositoryContract extends StoreContract {

  @Test
  void insertedJobIsFoundAsInserted() {
    User owner = insertUser();
    Job job = insertJob(owner, spec("q", "k"));

    assertThat(store.jobs().find(job.id())).contains(job);
  }

  @Test
  void absentJobIsEmpty() {
    assertThat(store.jobs().find(UUID.randomUUID())).isEmpty();
  }
}
