package dev.docket.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Job;
import dev.docket.domain.JobStatus;
import dev.docket.ports.ConflictException;
import dev.docket.ports.JobChange;
import org.junit.jupiter.api.Test;

/**
 * Every store writes a job change with an UPDATE fenced on the version and lease token the change
 * saw, so a stale state can never be written. The lock each store takes first means the fence never
 * fails in normal use; when it does, it is the same {@link dev.docket.ports.ConflictException} on
 * every store (an HTTP 409), never a driver error or an {@code IllegalStateException} (a 500).
 *
 * <p>An adapter implements {@link #writeOver} with its fenced write, bypassing the lock and read
 * that normally hand the change the current row.
 */
public abstract class FencedWriteContract extends StoreContract {

  /**
   * Writes {@code change}, applied to {@code stale}, the way the store's repository writes a
   * transition, as if {@code stale} were the row just read under the lock.
   */
  protected abstract void writeOver(Job stale, JobChange change);

  @Test
  void aFencedWriteOverAStaleRowIsAConflictAndWritesNothing() {
    Job stale = insertJob(insertUser(), spec("q", "k"));
    Job current = store.jobs().update(stale.id(), (j, now) -> j.cancel(now)).job();

    assertThatThrownBy(() -> writeOver(stale, (j, now) -> j.cancel(now)))
        .isInstanceOf(ConflictException.class);

    Job stored = store.jobs().find(stale.id()).orElseThrow();
    assertThat(stored).isEqualTo(current);
    assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(stored.version()).isEqualTo(stale.version() + 1);
    assertThat(store.events().list(stale.id(), 0, 10)).hasSize(2);
  }
}
