package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes write one SQLite file at once: both finish, no caller ever sees the database busy,
 * and every row is there.
 */
class TwoProcessesTest {
  private static final int JOBS = 300;

  @TempDir Path dir;

  @Test
  void twoProcessesWritingOneFileAtOnceBothSucceedWithEveryRowStored() throws Exception {
    Path db = dir.resolve("shared.db");
    try (Store store = SqliteStore.open(db)) {
      // migrated once up front, so the two processes race on rows, not on the schema
      assertThat(store.ping()).isTrue();
    }
    int here;
    try (ChildJvm child =
        ChildJvm.start(
            WriterChild.class,
            Map.of(),
            dir.resolve("child.err"),
            db.toString(),
            "child",
            String.valueOf(JOBS))) {
      try (Store store = SqliteStore.open(db)) {
        assertThat(child.awaitLine("ready"::equals, Duration.ofMinutes(1)))
            .as("child ready: %s", child.stderr())
            .isNotNull();
        long start = System.nanoTime();
        List<String> childAtStart = child.lines();
        here = work(store, "parent", JOBS);
        // the child's jobs take seconds: it was still writing when the parent began
        assertThat(childAtStart).doesNotContain("done " + JOBS);
        System.out.printf(
            "TwoProcessesTest: parent wrote %d jobs in %d ms while the child wrote%n",
            JOBS, Duration.ofNanos(System.nanoTime() - start).toMillis());
      }
      assertThat(child.await(Duration.ofMinutes(5))).as("child: %s", child.stderr()).isZero();
      assertThat(child.lines()).as("child: %s", child.stderr()).contains("done " + JOBS);
    }
    assertThat(here).isEqualTo(JOBS);
    try (Connection c = StoreAudit.connect(db)) {
      assertThat(StoreAudit.integrity(c)).isEqualTo("ok");
      assertThat(succeeded(c, "parent")).isEqualTo(JOBS);
      assertThat(succeeded(c, "child")).isEqualTo(JOBS);
      assertThat(StoreAudit.halfDone(c)).isEmpty();
    }
  }

  /** Submits and completes {@code count} jobs on queue {@code name}; answers how many. */
  static int work(Store store, String name, int count) throws InterruptedException {
    Workload work = new Workload(store, name, name);
    AtomicInteger completed = new AtomicInteger();
    for (int n = 0; n < count; n++) {
      work.oneJob(
          n,
          write -> {
            if (write.startsWith("complete ")) {
              completed.incrementAndGet();
            }
          });
    }
    return completed.get();
  }

  private static long succeeded(Connection c, String queue) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM jobs WHERE status = 'succeeded' AND queue = '"
                    + queue
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
