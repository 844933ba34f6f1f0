package dev.docket.app;

import dev.docket.adapter.sqlite.SqliteStore;
import dev.docket.ports.Store;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run by {@link CrashSafetyTest} in a JVM of its own, which it kills: writes jobs to a SQLite file
 * forever and prints {@code committed <write>} once each write has returned.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Store store = SqliteStore.open(Path.of(args[0]));
    Workload work = new Workload(store, "crash", "crash");
    for (int n = 0; ; n++) {
      work.oneJob(
          n,
          write -> {
            // one write of the whole line, so a kill never leaves half a line that looks whole
            out.print("committed " + write + "\n");
            out.flush();
          });
    }
  }
}
