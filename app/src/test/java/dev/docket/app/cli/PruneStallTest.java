package dev.docket.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.domain.JobSpec;
import dev.docket.domain.Role;
import dev.docket.ports.JobListener;
import dev.docket.ports.PruneResult;
import dev.docket.ports.Store;
import dev.docket.ports.usecase.Actor;
import dev.docket.ports.usecase.Docket;
import dev.docket.ports.usecase.DocketConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How long a submitter waits while a prune deletes many terminal jobs on SQLite (one writer, so
 * every prune batch holds submits up for as long as it takes). 20,000 finished jobs with four
 * events each are pruned while one thread submits continuously; the longest submit during the prune
 * is printed for the operations note. The bound asserted is loose on purpose: the figure depends on
 * the machine.
 */
class PruneStallTest {
  private static final int JOBS = 20_000;

  @TempDir Path dir;

  @ParameterizedTest(name = "batch {0}")
  @ValueSource(ints = {500, 100})
  void submitsAreNeverHeldUpLongWhileAPruneRuns(int batch) throws Exception {
    Path file = dir.resolve("stall-" + batch + ".db");
    DocketConfig config =
        new DocketConfig(DocketConfig.DEFAULT.backoff(), 500, batch, DocketConfig.DEFAULT.clock());
    try (Store store = SqliteStore.open(file)) {
      Docket docket = Docket.create(store, config, JobListener.NONE);
      Seed seed = new Seed(store);
      Actor alice = seed.user("alice", Role.SUBMITTER);
      Seed.oldFinishedJobs(store, alice.userId(), JOBS, Duration.ofDays(40));
      JobSpec spec = new JobSpec("live", "live", "{}", null, null, null, 1, null, null);

      AtomicBoolean pruning = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Long> during = Collections.synchronizedList(new ArrayList<>());
      List<Long> baseline = Collections.synchronizedList(new ArrayList<>());
      Thread submitter =
          Thread.ofPlatform()
              .name("submitter")
              .start(
                  () -> {
                    try {
                      while (!stop.get()) {
                        boolean inPrune = pruning.get();
                        long t0 = System.nanoTime();
                        docket.jobs().submit(alice, spec);
                        long took = System.nanoTime() - t0;
                        (inPrune || pruning.get() ? during : baseline).add(took);
                      }
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      Thread.sleep(1500);
      pruning.set(true);
      long p0 = System.nanoTime();
      PruneResult result = docket.admin().prune(Actor.system("test"), Duration.ofDays(30), r -> {});
      long pruneNanos = System.nanoTime() - p0;
      pruning.set(false);
      Thread.sleep(300);
      stop.set(true);
      submitter.join();

      assertThat(failure.get()).isNull();
      assertThat(result.jobs()).isEqualTo(JOBS);
      assertThat(result.events()).isEqualTo(JOBS * 4L);
      assertThat(during).isNotEmpty();
      List<Long> sorted = new ArrayList<>(during);
      Collections.sort(sorted);
      List<Long> base = new ArrayList<>(baseline);
      Collections.sort(base);
      long max = sorted.get(sorted.size() - 1);
      System.out.printf(
          Locale.ROOT,
          "PRUNE STALL (SQLite, batch %d): pruned %d jobs + %d events in %d ms (%d batches);"
              + " %d submits during the prune: p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " without a prune (%d submits): p50 %.1f ms, max %.1f ms%n",
          batch,
          result.jobs(),
          result.events(),
          pruneNanos / 1_000_000,
          (JOBS + batch - 1) / batch,
          sorted.size(),
          ms(percentile(sorted, 0.50)),
          ms(percentile(sorted, 0.99)),
          ms(max),
          base.size(),
          ms(percentile(base, 0.50)),
          ms(base.isEmpty() ? 0 : base.get(base.size() - 1)));
      assertThat(Duration.ofNanos(max)).isLessThan(Duration.ofSeconds(2));
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
