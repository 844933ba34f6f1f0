package dev.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random moments, again and again on one SQLite file, and
 * proves after each kill that the file is intact, that every write the process reported as
 * committed is there, and that nothing is half-done.
 */
class CrashSafetyTest {
  private static final int KILLS = 12;

  @TempDir Path dir;

  @Test
  void everyReportedWriteSurvivesSigkillAndNothingIsHalfWritten() throws Exception {
    Path db = dir.resolve("crash.db");
    Map<String, String> strongest = new HashMap<>();
    Map<String, Long> appended = new HashMap<>();
    int writesReported = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      List<String> reported = runAndKill(db, dir.resolve("child-" + kill + ".err"));
      writesReported += reported.size();
      record(reported, strongest, appended);
      verify(db, strongest, appended, kill);
    }
    System.out.printf(
        "CrashSafetyTest: %d SIGKILLs on one file, %d committed writes reported, %d jobs checked"
            + " after every kill%n",
        KILLS, writesReported, strongest.size());
    assertThat(writesReported).isGreaterThan(KILLS);
  }

  private static List<String> runAndKill(Path db, Path stderr) throws Exception {
    try (ChildJvm child = ChildJvm.start(CrashChild.class, Map.of(), stderr, db.toString())) {
      String first = child.awaitLine(l -> l.startsWith("committed "), Duration.ofSeconds(60));
      assertThat(first).as("first write of the child; stderr: %s", child.stderr()).isNotNull();
      Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1501));
      assertThat(child.process().isAlive()).as("child still writing when killed").isTrue();
      return child.kill().stream().filter(l -> l.startsWith("committed ")).toList();
    }
  }

  /** Keeps, per job, the furthest step the child reported. */
  private static void record(
      List<String> lines, Map<String, String> strongest, Map<String, Long> appended) {
    List<String> order = List.of("submit", "claim", "append", "complete");
    for (String line : lines) {
      String[] parts = line.split(" ");
      String step = parts[1];
      String id = parts[2];
      strongest.merge(id, step, (a, b) -> order.indexOf(a) >= order.indexOf(b) ? a : b);
      if (step.equals("append")) {
        appended.merge(id, Long.parseLong(parts[3]), Math::max);
      }
    }
  }

  private static void verify(
      Path db, Map<String, String> strongest, Map<String, Long> appended, int kill)
      throws Exception {
    try (Store store = SqliteStore.open(db)) {
      assertThat(store.ping()).as("store answers after kill %d", kill).isTrue();
    }
    try (Connection c = StoreAudit.connect(db)) {
      assertThat(StoreAudit.integrity(c)).as("integrity after kill %d", kill).isEqualTo("ok");
      Map<String, StoreAudit.JobRow> jobs = StoreAudit.jobs(c);
      for (Map.Entry<String, String> e : strongest.entrySet()) {
        StoreAudit.JobRow row = jobs.get(e.getKey());
        assertThat(row).as("reported job %s after kill %d", e.getKey(), kill).isNotNull();
        switch (e.getValue()) {
          case "complete" -> assertThat(row.status()).isEqualTo("succeeded");
          case "claim", "append" -> {
            assertThat(row.status()).isIn("running", "succeeded");
            assertThat(row.attempt()).isGreaterThanOrEqualTo(1);
          }
          default -> assertThat(row.status()).isNotNull();
        }
        Long events = appended.get(e.getKey());
        if (events != null) {
          assertThat(row.eventCount()).isGreaterThanOrEqualTo(events);
        }
      }
      assertThat(StoreAudit.halfDone(c)).as("half-done rows after kill %d", kill).isEmpty();
    }
  }
}
